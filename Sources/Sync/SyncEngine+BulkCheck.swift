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
    ///
    /// An ambiguous 8-digit code (valid as EAN-8 and as UPC-E) is checked in both readings, each
    /// that has no fresh negative entry, unless either is cached or queued already (then that one is
    /// the product). When both exist upstream the EAN-8 is queued, as upstream keys 8 digits.
    func prefilter(_ run: SyncRun) async throws {
        guard configuration.bulkCheck, run.mode != .barcodes, let catalog = catalog(), catalog.isLoaded else { return }
        let codes = catalog.entries.keys.filter { !$0.isInStore }.sorted()
        let now = UnixMillis(clock.now())
        let ttl = configuration.negativeTTL
        let candidates = try await database.read { connection -> [Barcode] in
            let queued = try connection.queuedBarcodes(run.id)
            let cached = try connection.cachedUpdatedAt(for: catalog.upstreamReadings)
            var candidates: [Barcode] = []
            for code in codes where !code.readings.contains(where: { queued.contains($0) || cached[$0] != nil }) {
                for reading in code.readings {
                    if let negative = try connection.negative(reading), !negative.isExpired(at: now, ttl: ttl) {
                        continue
                    }
                    candidates.append(reading)
                }
            }
            return candidates
        }
        guard !candidates.isEmpty else { return }
        var found = Set<Barcode>()
        let day = Timestamp.formatDay(serverNow())
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
            try await record(result, of: run, readings: catalog.upcEReadings, found: &found)
        }
    }

    /// Queues the barcodes a bulk-check found and records negatives for the others. A UPC-A reading
    /// of an ambiguous code whose EAN-8 was found (`found`: every barcode found so far in this run)
    /// is not queued.
    private func record(
        _ result: BulkCheckResult, of run: SyncRun, readings: [Barcode: Barcode], found foundSoFar: inout Set<Barcode>
    ) async throws {
        let spent = result.replayed ? Credits.zero : (result.creditsDebited ?? result.expectedCost)
        metrics.bulkCheck(replayed: result.replayed)
        metrics.creditsSpent(spent, mode: run.mode)
        let now = UnixMillis(clock.now())
        let found = result.results.filter(\.exists)
        let missing = result.results.filter { !$0.exists }
        let wanted = found.filter { item in
            defer { foundSoFar.insert(item.barcode) }
            return !item.barcode.isInStore && !(readings[item.barcode].map(foundSoFar.contains) ?? false)
        }
        try await database.write { connection in
            let counts = try connection.scanCounts(for: wanted.map(\.barcode))
            let work = wanted.map { item in
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
