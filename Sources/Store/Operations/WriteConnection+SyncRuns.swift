import Core

extension WriteConnection {
    /// Creates a `queued` run and returns it with its new id.
    public func createSyncRun(
        mode: SyncMode, requestedBarcodes: [Barcode] = [], at now: UnixMillis
    ) throws -> SyncRun {
        let requested = requestedBarcodes.isEmpty ? nil : requestedBarcodes.map(\.digits).joined(separator: ",")
        try sqlite.run(
            "INSERT INTO sync_runs (mode, state, created_at, requested_barcodes) VALUES (?, 'queued', ?, ?)",
            .text(mode.rawValue), .integer(now.value), .text(requested))
        return SyncRun(
            id: sqlite.lastInsertRowID, mode: mode, state: .queued, createdAt: now,
            requestedBarcodes: requestedBarcodes)
    }

    /// Moves run `id` to `state` with `reason` (`nil` clears it). Entering `running` the first time
    /// sets `started_at`; entering `succeeded` or `failed` sets `finished_at`. Returns the updated run.
    @discardableResult
    public func setSyncRunState(
        _ id: Int64, to state: SyncRunState, reason: String? = nil, at now: UnixMillis
    ) throws -> SyncRun? {
        try sqlite.run(
            """
            UPDATE sync_runs SET state = ?1, reason = ?2,
                started_at = CASE WHEN ?1 = 'running' AND started_at IS NULL THEN ?3 ELSE started_at END,
                finished_at = CASE WHEN ?1 IN ('succeeded', 'failed') THEN ?3 ELSE NULL END
            WHERE id = ?4
            """,
            .text(state.rawValue), .text(reason), .integer(now.value), .integer(id))
        return try syncRun(id)
    }

    /// Records the watermark run `id` will save if it succeeds, and when (local clock) its listing
    /// started: products the complete listing does not show are current as of that instant.
    public func setSyncRunWatermarkCandidate(_ id: Int64, _ watermark: String?, listedFrom: UnixMillis? = nil) throws {
        try sqlite.run(
            "UPDATE sync_runs SET watermark_candidate = ?, listed_from = coalesce(?, listed_from) WHERE id = ?",
            .text(watermark), .integer(listedFrom?.value), .integer(id))
    }

    /// Adds `credits` to what run `id` spent.
    public func addSyncRunCredits(_ id: Int64, _ credits: Credits) throws {
        try sqlite.run(
            "UPDATE sync_runs SET credits_spent = credits_spent + ? WHERE id = ?", .integer(credits.thousandths),
            .integer(id))
    }

    /// Recomputes `total`, `done` and `failed_items` of run `id` from its queue; returns the run.
    @discardableResult
    public func refreshSyncRunProgress(_ id: Int64) throws -> SyncRun? {
        let counts = try syncQueueCounts(id)
        try sqlite.run(
            "UPDATE sync_runs SET total = ?, done = ?, failed_items = ? WHERE id = ?", .int(counts.total),
            .int(counts.done), .int(counts.failed + counts.failedPermanent), .integer(id))
        return try syncRun(id)
    }

    /// Deletes finished runs (and their queues) that finished before `instant`; returns how many.
    @discardableResult
    public func purgeFinishedSyncRuns(before instant: UnixMillis) throws -> Int {
        try sqlite.run(
            "DELETE FROM sync_runs WHERE state IN ('succeeded', 'failed') AND finished_at < ?",
            .integer(instant.value))
    }
}
