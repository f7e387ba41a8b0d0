import Core

extension ReadableConnection {
    /// Up to `limit` pending items of run `runID` with what was learnt when they were queued,
    /// highest priority first (ties by barcode).
    public func pendingSyncWork(_ runID: Int64, limit: Int) throws -> [SyncWorkItem] {
        let statement = try sqlite.cached(
            """
            SELECT barcode, priority, variants, listed_updated_at, attempts FROM sync_queue
            WHERE run_id = ? AND state = 'pending' ORDER BY priority DESC, barcode LIMIT ?
            """)
        defer { statement.reset() }
        try statement.bind([.integer(runID), .int(limit)])
        var items: [SyncWorkItem] = []
        while try statement.step() {
            items.append(
                SyncWorkItem(
                    barcode: Barcode(trustedCanonical: statement.text(0)), priority: statement.int(1),
                    variants: VariantList.decode(statement.optionalText(2)),
                    listedUpdatedAt: statement.optionalText(3), attempts: statement.int(4)))
        }
        return items
    }

    /// Every barcode queued for run `runID`, whatever its state.
    public func queuedBarcodes(_ runID: Int64) throws -> Set<Barcode> {
        let statement = try sqlite.cached("SELECT barcode FROM sync_queue WHERE run_id = ?")
        defer { statement.reset() }
        try statement.bind([.integer(runID)])
        var barcodes = Set<Barcode>()
        while try statement.step() { barcodes.insert(Barcode(trustedCanonical: statement.text(0))) }
        return barcodes
    }

    /// Where run `id` stands, or `nil` when there is no such run.
    public func syncRunCursor(_ id: Int64) throws -> SyncRunCursor? {
        let statement = try sqlite.cached(
            "SELECT phase, cursor_since, cursor_page, resume_at FROM sync_runs WHERE id = ?")
        defer { statement.reset() }
        try statement.bind([.integer(id)])
        guard try statement.step() else { return nil }
        return SyncRunCursor(
            phase: statement.optionalText(0), since: statement.optionalText(1),
            page: statement.optionalInt64(2).map { Int($0) }, resumeAt: statement.optionalInt64(3).map(UnixMillis.init))
    }
}

extension ReadableConnection {
    /// Every cached barcode (a full refresh asks upstream about those its listing no longer shows).
    public func cachedBarcodes() throws -> [Barcode] {
        let statement = try sqlite.cached("SELECT barcode FROM products ORDER BY barcode")
        defer { statement.reset() }
        var barcodes: [Barcode] = []
        while try statement.step() { barcodes.append(Barcode(trustedCanonical: statement.text(0))) }
        return barcodes
    }
}
