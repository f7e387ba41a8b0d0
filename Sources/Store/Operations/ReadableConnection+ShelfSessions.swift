import Core

extension ReadableConnection {
    /// The most recently started batch session, or `nil`.
    public func latestShelfSession() throws -> ShelfSessionRecord? {
        try shelfSession(where: "1 = 1")
    }

    /// The session still open or processing (at most one exists), or `nil`.
    public func unfinishedShelfSession() throws -> ShelfSessionRecord? {
        try shelfSession(where: "status IN ('open', 'processing')")
    }

    /// The products a recorded, unfinished session carries, in push order.
    public func shelfSessionItems(_ sessionId: String) throws -> [ShelfSessionItem] {
        let statement = try sqlite.cached(
            """
            SELECT position, barcode, through_seq, sent, as_new FROM shelf_session_items
            WHERE session_id = ? ORDER BY position
            """)
        defer { statement.reset() }
        try statement.bind([.text(sessionId)])
        var items: [ShelfSessionItem] = []
        while try statement.step() {
            items.append(
                ShelfSessionItem(
                    position: statement.int(0), barcode: StoreBarcode(trusted: statement.text(1)),
                    throughSeq: statement.int64(2), sent: statement.text(3), asNew: statement.int(4) != 0))
        }
        return items
    }

    private func shelfSession(where condition: String) throws -> ShelfSessionRecord? {
        let statement = try sqlite.cached(
            """
            SELECT session_id, status, phase, products, tags_confirmed, tags_total, started_at, completed_at,
                finished_at, message
            FROM shelf_sessions WHERE \(condition) ORDER BY started_at DESC, rowid DESC LIMIT 1
            """)
        defer { statement.reset() }
        guard try statement.step() else { return nil }
        return ShelfSessionRecord(
            sessionId: statement.text(0), status: ShelfSessionStatus(rawValue: statement.text(1)) ?? .abandoned,
            phase: statement.optionalText(2), products: statement.int(3),
            tagsConfirmed: statement.optionalInt64(4).map(Int.init),
            tagsTotal: statement.optionalInt64(5).map(Int.init),
            startedAt: UnixMillis(statement.int64(6)), completedAt: statement.optionalInt64(7).map(UnixMillis.init),
            finishedAt: statement.optionalInt64(8).map(UnixMillis.init), message: statement.optionalText(9))
    }
}
