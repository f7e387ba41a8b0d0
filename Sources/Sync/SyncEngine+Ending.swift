import Core
import Foundation
import Logging
import Store
import Synchronization
import Upstream

extension SyncEngine {
    /// Records a pause, a failure or an interruption.
    func stop(_ run: SyncRun, _ interruption: SyncInterruption) async -> ExecutionEnd {
        let now = UnixMillis(clock.now())
        do {
            switch interruption {
            case .cancelled:
                logger.notice("sync interrupted; it resumes at the next start", metadata: ["sync_id": "\(run.id)"])
                return .interrupted
            case .pause(let reason, let resumeAt):
                try await database.write { connection in
                    try connection.setSyncRunState(run.id, to: .paused, reason: reason, at: now)
                    var cursor = try connection.syncRunCursor(run.id) ?? SyncRunCursor()
                    cursor.resumeAt = UnixMillis(resumeAt)
                    try connection.setSyncRunCursor(run.id, cursor)
                    try connection.refreshSyncRunProgress(run.id)
                }
                metrics.runEnded(mode: run.mode, state: .paused)
                logger.warning(
                    "sync paused; it resumes by itself",
                    metadata: [
                        "sync_id": "\(run.id)", "reason": "\(reason)", "resume_at": "\(Timestamp.format(resumeAt))",
                    ])
                return .paused
            case .fail(let reason):
                try await database.write { connection in
                    try connection.setSyncRunState(run.id, to: .failed, reason: reason, at: now)
                    try connection.refreshSyncRunProgress(run.id)
                }
                metrics.runEnded(mode: run.mode, state: .failed)
                logger.error(
                    "sync failed; the watermark stays", metadata: ["sync_id": "\(run.id)", "reason": "\(reason)"])
                return .ended
            }
        } catch {
            logger.error("cannot record the sync's stop", metadata: ["sync_id": "\(run.id)", "error": "\(error)"])
            return .storageFailed
        }
    }

    /// Ends a run whose queue is worked through: succeeded (recording the watermark for a delta or
    /// full run) when only permanent failures are left, else failed.
    func finish(_ run: SyncRun) async throws {
        let now = UnixMillis(clock.now())
        let maxAttempts = configuration.maxAttempts
        let ended = try await database.write { connection -> SyncRun? in
            let counts = try connection.syncQueueCounts(run.id)
            guard counts.allowsWatermark else {
                try connection.setSyncRunState(
                    run.id, to: .failed,
                    reason: "items_failed: \(counts.failed) item(s) still failing after \(maxAttempts) attempts",
                    at: now)
                return try connection.refreshSyncRunProgress(run.id)
            }
            let current = try connection.syncRun(run.id)
            if run.mode != .barcodes {
                if let candidate = current?.watermarkCandidate {
                    try connection.setSyncState(.watermark, to: candidate, at: now)
                    // The next delta lists from the candidate (the overlap before this listing):
                    // products validated from about then on are proved by it. Half the overlap
                    // absorbs the first page's latency and the server date's whole seconds.
                    if let listedFrom = try connection.syncRunListedFrom(run.id) {
                        let floor = listedFrom.adding(.zero - configuration.overlap / 2)
                        try connection.setSyncState(.validatedSince, to: String(floor.value), at: now)
                    }
                }
                try connection.setSyncState(.lastSuccessAt, to: now.description, at: now)
                if run.mode == .full { try connection.setSyncState(.lastFullAt, to: now.description, at: now) }
            }
            try connection.setSyncRunState(run.id, to: .succeeded, at: now)
            return try connection.refreshSyncRunProgress(run.id)
        }
        let final = ended ?? run
        metrics.runEnded(mode: run.mode, state: final.state)
        metrics.queueDepth(0)
        let validatedAll = final.state == .succeeded && run.mode != .barcodes
        state.withLock { state in
            state.rate = nil
            // A successful listing validated every unchanged product: a request made meanwhile is met.
            if validatedAll { state.revalidationRequested = false }
        }
        await tidyUp()
        logger.log(
            level: final.state == .succeeded ? .info : .error,
            final.state == .succeeded ? "sync succeeded" : "sync failed; the watermark stays",
            metadata: [
                "sync_id": "\(run.id)", "mode": "\(run.mode.rawValue)", "done": "\(final.done)",
                "failed_items": "\(final.failedItems)", "credits_spent": "\(final.creditsSpent)",
            ])
    }

    /// After a run: forgets finished runs past the retention, negative entries past their TTL and
    /// spend ledger days older than 90 days (the state directory does not grow without bound).
    func tidyUp() async {
        let now = UnixMillis(clock.now())
        let retention = configuration.runRetention
        let ttl = configuration.negativeTTL
        do {
            let (runs, negatives) = try await database.write { connection -> (Int, Int) in
                let runs = try connection.purgeFinishedSyncRuns(before: now.adding(.zero - retention))
                let negatives = try connection.purgeNegatives(olderThan: ttl, at: now)
                try connection.purgeSpend(before: now.adding(.seconds(-90 * 86_400)).utcDay)
                return (runs, negatives)
            }
            if runs > 0 || negatives > 0 {
                logger.debug("tidied the sync state", metadata: ["runs": "\(runs)", "negatives": "\(negatives)"])
            }
        } catch {
            logger.warning("cannot tidy the sync state", metadata: ["error": "\(error)"])
        }
    }
}
