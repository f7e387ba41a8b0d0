import Core

extension ReadableConnection {
    /// Up to `limit` pending items of run `runID`, highest priority first (ties by barcode).
    public func nextPendingBatch(_ runID: Int64, limit: Int) throws -> [SyncQueueItem] {
        let statement = try sqlite.cached(
            """
            SELECT barcode, priority, state, attempts, last_error FROM sync_queue
            WHERE run_id = ? AND state = 'pending' ORDER BY priority DESC, barcode LIMIT ?
            """)
        defer { statement.reset() }
        try statement.bind([.integer(runID), .int(limit)])
        var items: [SyncQueueItem] = []
        while try statement.step() {
            items.append(
                SyncQueueItem(
                    runID: runID, barcode: Barcode(trustedCanonical: statement.text(0)), priority: statement.int(1),
                    state: SyncQueueItemState(rawValue: statement.text(2)) ?? .pending, attempts: statement.int(3),
                    lastError: statement.optionalText(4)))
        }
        return items
    }

    /// The queue item of `barcode` in run `runID`, or `nil`.
    public func syncQueueItem(_ runID: Int64, barcode: Barcode) throws -> SyncQueueItem? {
        let statement = try sqlite.cached(
            "SELECT priority, state, attempts, last_error FROM sync_queue WHERE run_id = ? AND barcode = ?")
        defer { statement.reset() }
        try statement.bind([.integer(runID), .text(barcode.digits)])
        guard try statement.step() else { return nil }
        return SyncQueueItem(
            runID: runID, barcode: barcode, priority: statement.int(0),
            state: SyncQueueItemState(rawValue: statement.text(1)) ?? .pending, attempts: statement.int(2),
            lastError: statement.optionalText(3))
    }

    /// How many items of run `runID` are in each state.
    public func syncQueueCounts(_ runID: Int64) throws -> SyncQueueCounts {
        let statement = try sqlite.cached("SELECT state, count(*) FROM sync_queue WHERE run_id = ? GROUP BY state")
        defer { statement.reset() }
        try statement.bind([.integer(runID)])
        var counts = SyncQueueCounts()
        while try statement.step() {
            let number = statement.int(1)
            switch SyncQueueItemState(rawValue: statement.text(0)) {
            case .pending: counts.pending = number
            case .done: counts.done = number
            case .failed: counts.failed = number
            case .failedPermanent: counts.failedPermanent = number
            case nil: break
            }
        }
        return counts
    }
}
