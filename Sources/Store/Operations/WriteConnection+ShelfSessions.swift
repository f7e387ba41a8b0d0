import Core

extension WriteConnection {
    /// Records a new batch session with the products it carries.
    public func insertShelfSession(_ session: ShelfSessionRecord, items: [ShelfSessionItem]) throws {
        try sqlite.run(
            """
            INSERT INTO shelf_sessions (session_id, status, phase, products, tags_confirmed, tags_total, started_at,
                completed_at, finished_at, message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            .text(session.sessionId), .text(session.status.rawValue), .text(session.phase), .int(session.products),
            .integer(session.tagsConfirmed.map(Int64.init)), .integer(session.tagsTotal.map(Int64.init)),
            .integer(session.startedAt.value), .integer(session.completedAt?.value),
            .integer(session.finishedAt?.value), .text(session.message))
        for item in items {
            try sqlite.run(
                """
                INSERT INTO shelf_session_items (session_id, position, barcode, through_seq, sent, as_new)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                .text(session.sessionId), .int(item.position), .text(item.barcode.digits), .integer(item.throughSeq),
                .text(item.sent), .integer(item.asNew ? 1 : 0))
        }
    }

    /// Updates a recorded session's status and progress. When it is no longer unfinished its item
    /// list is dropped (the outbox keeps whatever it did not settle). Returns whether it existed.
    @discardableResult
    public func updateShelfSession(_ session: ShelfSessionRecord) throws -> Bool {
        let changed = try sqlite.run(
            """
            UPDATE shelf_sessions SET status = ?, phase = ?, products = ?, tags_confirmed = ?, tags_total = ?,
                completed_at = ?, finished_at = ?, message = ?
            WHERE session_id = ?
            """,
            .text(session.status.rawValue), .text(session.phase), .int(session.products),
            .integer(session.tagsConfirmed.map(Int64.init)), .integer(session.tagsTotal.map(Int64.init)),
            .integer(session.completedAt?.value), .integer(session.finishedAt?.value), .text(session.message),
            .text(session.sessionId))
        if !session.status.isUnfinished {
            try sqlite.run("DELETE FROM shelf_session_items WHERE session_id = ?", .text(session.sessionId))
        }
        return changed > 0
    }

    /// Keeps the `keep` most recent sessions and deletes older ones; returns how many went.
    @discardableResult
    public func pruneShelfSessions(keep: Int) throws -> Int {
        try sqlite.run(
            """
            DELETE FROM shelf_sessions WHERE session_id NOT IN (
                SELECT session_id FROM shelf_sessions ORDER BY started_at DESC, rowid DESC LIMIT ?)
            AND status NOT IN ('open', 'processing')
            """,
            .int(keep))
    }
}
