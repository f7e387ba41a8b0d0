import Core
import Foundation
import Store
import Synchronization
import Upstream

extension SyncEngine {
    /// The report of run `id`, or `nil` when there is no such run.
    public func report(_ id: Int64) async throws -> SyncRunReport? {
        let found = try await database.read { connection -> (SyncRun, SyncRunCursor?, SyncQueueCounts)? in
            guard let run = try connection.syncRun(id) else { return nil }
            return (run, try connection.syncRunCursor(id), try connection.syncQueueCounts(id))
        }
        guard let (run, cursor, counts) = found else { return nil }
        return makeReport(run, cursor: cursor, counts: counts, budget: await minuteBudget())
    }

    /// `/v1/status`'s `sync` block.
    public func statusBlock() async -> SyncStatus {
        let read = try? await database.read { connection in
            let unfinished = try connection.unfinishedSyncRun()
            let details = try unfinished.map {
                ($0, try connection.syncRunCursor($0.id), try connection.syncQueueCounts($0.id))
            }
            return (
                details, try connection.lastFinishedSyncRun(), try connection.syncState(.lastSuccessAt),
                try connection.syncState(.watermark)
            )
        }
        let (details, last, lastSuccess, watermark) = read ?? (nil, nil, nil, nil)
        let budget = details == nil ? nil : await minuteBudget()
        return SyncStatus(
            running: details.map { makeReport($0.0, cursor: $0.1, counts: $0.2, budget: budget) },
            last: last.map { SyncRunReport(run: $0) }, lastSuccessAt: lastSuccess,
            nextAt: state.withLock { $0.nextScheduledAt }, watermark: watermark)
    }

    /// The upstream minute budget as last seen: requests left in the window, the limit, and seconds
    /// until the window resets by this machine's clock.
    typealias MinuteBudget = (remaining: Int, limit: Int, secondsToReset: Double)

    /// The ``MinuteBudget`` of the client's last answer, if it had one.
    private func minuteBudget() async -> MinuteBudget? {
        let snapshot = await client.snapshot
        guard let rate = snapshot.rateLimit, let remaining = rate.remainingMinute, let limit = rate.limitMinute,
            let reset = rate.resetAt
        else { return nil }
        let serverNow = clock.now() + (snapshot.serverClockOffset ?? .zero)
        return (remaining, limit, reset.timeIntervalSince(serverNow))
    }

    private func makeReport(
        _ run: SyncRun, cursor: SyncRunCursor?, counts: SyncQueueCounts,
        budget: MinuteBudget?
    ) -> SyncRunReport {
        var eta: Int?
        if run.state == .running, let rate = state.withLock({ $0.rate }), rate.runID == run.id {
            let observed = rate.etaSeconds(done: counts.done, pending: counts.pending, now: clock.now())
            let least = budget.map {
                SyncProgressRate.budgetSeconds(
                    pending: counts.pending, remaining: $0.remaining, limit: $0.limit, secondsToReset: $0.secondsToReset
                )
            }
            // Never sooner than the minute budget allows (an early burst inflates the observed rate).
            switch (observed, least) {
            case (let observed?, let least?): eta = max(observed, least)
            case (let observed?, nil): eta = observed
            case (nil, let least?) where least > 0: eta = least
            default: eta = nil
            }
        }
        return SyncRunReport(run: run, resumeAt: cursor?.resumeAt?.date, etaSeconds: eta)
    }
}
