import Core

extension WriteConnection {
    /// Queues `items` (barcode, priority) for run `runID`. Idempotent: a barcode already queued for
    /// the run keeps its state (a resumed run never refetches what is done) and takes the higher of
    /// the two priorities. Returns how many were new.
    @discardableResult
    public func enqueue(_ runID: Int64, _ items: [(barcode: Barcode, priority: Int)], at now: UnixMillis) throws -> Int
    {
        var added = 0
        for item in items {
            let existed = try syncQueueItem(runID, barcode: item.barcode) != nil
            try sqlite.run(
                """
                INSERT INTO sync_queue (run_id, barcode, priority, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (run_id, barcode) DO UPDATE SET priority = max(priority, excluded.priority)
                """,
                .integer(runID), .text(item.barcode.digits), .int(item.priority), .integer(now.value))
            if !existed { added += 1 }
        }
        return added
    }

    /// Marks `barcode` of run `runID` done; returns whether it was queued.
    @discardableResult
    public func markQueueItemDone(_ runID: Int64, barcode: Barcode, at now: UnixMillis) throws -> Bool {
        try sqlite.run(
            """
            UPDATE sync_queue SET state = 'done', last_error = NULL, attempts = attempts + 1, updated_at = ?
            WHERE run_id = ? AND barcode = ?
            """,
            .integer(now.value), .integer(runID), .text(barcode.digits)) > 0
    }

    /// Marks `barcode` of run `runID` failed (`permanent` for upstream 404: it will not hold back the
    /// watermark) with `error` for a person (cut to 500 characters; never pass a secret).
    @discardableResult
    public func markQueueItemFailed(
        _ runID: Int64, barcode: Barcode, error: String, permanent: Bool, at now: UnixMillis
    ) throws -> Bool {
        try sqlite.run(
            """
            UPDATE sync_queue SET state = ?, last_error = ?, attempts = attempts + 1, updated_at = ?
            WHERE run_id = ? AND barcode = ?
            """,
            .text(permanent ? "failed_permanent" : "failed"), .text(String(error.prefix(500))), .integer(now.value),
            .integer(runID), .text(barcode.digits)) > 0
    }

    /// Puts the retryable failures of run `runID` with fewer than `maxAttempts` attempts back to
    /// pending; returns how many.
    @discardableResult
    public func requeueFailedItems(_ runID: Int64, maxAttempts: Int = .max, at now: UnixMillis) throws -> Int {
        try sqlite.run(
            """
            UPDATE sync_queue SET state = 'pending', updated_at = ?
            WHERE run_id = ? AND state = 'failed' AND attempts < ?
            """,
            .integer(now.value), .integer(runID), .int(maxAttempts))
    }
}
