import Core
import Logging
import Store
import Upstream

extension SyncEngine {
    /// Logs how much of the queue today's credit cap and request budget allow, when not all of it.
    func logPlan(_ run: SyncRun) async {
        guard let items = try? await database.read({ try $0.pendingSyncWork(run.id, limit: Int(Int32.max)) }),
            !items.isEmpty
        else { return }
        let snapshot = await client.snapshot
        let fetch = fetcher.configuration
        let costs = items.map { item in
            let (include, variants) = fetch.request(available: item.variants)
            return client.expectedCost(include: include, variants: variants, available: item.variants)
        }
        let plan = SyncBudgetPlan.make(
            costs: costs, creditsLeft: snapshot.dailyCreditLimit.map { $0 - snapshot.creditsSpentToday },
            requestsLeft: snapshot.rateLimit?.remainingDay)
        guard !plan.fitsToday else { return }
        logger.notice(
            "today's budgets allow only part of the sync; the rest resumes after midnight UTC",
            metadata: [
                "sync_id": "\(run.id)", "items": "\(plan.total)", "fitting_today": "\(plan.fitting)",
                "credits_planned": "\(plan.credits)",
            ])
    }
}
