import Core
import Foundation
import Logging
import Store
import Upstream

extension SyncEngine {
    /// The bulk-check prefilter: store-catalog barcodes (not in-store codes) that are not cached, not
    /// queued by this run's listing and have no negative entry younger than the negative TTL are
    /// checked 500 per call under a per-day, per-body Idempotency-Key. Existing ones are queued (with
    /// their variants), the others get negative entries. A transient failure skips the rest of the
    /// prefilter for this run (the unchecked barcodes stay candidates for the next run).
    func prefilter(_ run: SyncRun) async throws {
        guard configuration.bulkCheck, run.mode != .barcodes, let catalog = catalog(), catalog.isLoaded else { return }
        let barcodes = catalog.entries.keys.filter { !$0.isInStore }.sorted()
        let now = UnixMillis(clock.now())
        let ttl = configuration.negativeTTL
        let candidates = try await database.read { connection -> [Barcode] in
            let queued = try connection.queuedBarcodes(run.id)
            let cached = try connection.cachedUpdatedAt(for: barcodes)
            return try barcodes.filter { barcode in
                guard !queued.contains(barcode), cached[barcode] == nil else { return false }
                guard let negative = try connection.negative(barcode) else { return true }
                return negative.isExpired(at: now, ttl: ttl)
            }
        }
        guard !candidates.isEmpty else { return }
        let day = Timestamp.formatDay(await serverNow())
        for chunk in BulkCheckKey.chunks(candidates) {
            if Task.isCancelled { throw SyncInterruption.cancelled }
            let key = BulkCheckKey.make(clientID: configuration.clientID, day: day, barcodes: chunk)
            let result: BulkCheckResult
            do {
                result = try await client.bulkCheck(chunk, idempotencyKey: key, purpose: .sync)
            } catch {
                switch SyncErrorAction.of(error, now: clock.now(), balanceRecheck: configuration.balanceRecheck) {
                case .retryLater, .giveUp:
                    logger.warning(
                        "bulk-check failed; the rest of the prefilter waits for the next sync",
                        metadata: ["sync_id": "\(run.id)", "error": "\(error)"])
                    return
                default:
                    throw interruption(for: error, during: "bulk_check")
                }
            }
            try await record(result, of: run)
        }
    }

    /// Queues the barcodes a bulk-check found and records negatives for the others.
    private func record(_ result: BulkCheckResult, of run: SyncRun) async throws {
        let spent = result.replayed ? Credits.zero : (result.creditsDebited ?? result.expectedCost)
        metrics.bulkCheck(replayed: result.replayed)
        metrics.creditsSpent(spent, mode: run.mode)
        let now = UnixMillis(clock.now())
        let found = result.results.filter(\.exists)
        let missing = result.results.filter { !$0.exists }
        try await database.write { connection in
            let counts = try connection.scanCounts(for: found.map(\.barcode))
            let work = found.filter { !$0.barcode.isInStore }.map { item in
                SyncWorkItem(
                    barcode: item.barcode, priority: counts[item.barcode] ?? 0, variants: item.variants,
                    listedUpdatedAt: item.updatedAt)
            }
            try connection.enqueueSyncWork(run.id, work, at: now)
            for item in missing {
                try connection.saveNegative(NegativeEntry(barcode: item.barcode, checkedAt: now, reason: .bulkCheck))
            }
            try connection.addSyncRunCredits(run.id, spent)
            try connection.refreshSyncRunProgress(run.id)
        }
        logger.info(
            "bulk-checked catalog barcodes",
            metadata: [
                "sync_id": "\(run.id)", "checked": "\(result.results.count)", "found": "\(found.count)",
                "replayed": "\(result.replayed)", "credits": "\(spent)",
            ])
    }
}
