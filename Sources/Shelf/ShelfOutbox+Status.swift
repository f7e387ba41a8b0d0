import Core
import Store

extension ShelfOutbox {
    /// The `shelf` block of the status document: `{"outbox_depth", "oldest_pending_at", "blocked",
    /// "last_session": {…} | null, "item_errors": [{"barcode", "message", "at"}]}`. When the
    /// database cannot be read, the block says so in `"error"` (status must still answer).
    public func status() async -> JSONValue {
        let limit = statusItemErrors
        do {
            let (summary, session, errors) = try await database.read { connection in
                (
                    try connection.shelfOutboxSummary(), try connection.latestShelfSession(),
                    try connection.shelfItemErrors(limit: limit)
                )
            }
            metrics.outbox(
                depth: summary.depth, oldestAgeSeconds: Self.ageSeconds(summary.oldestAcceptedAt, now: now()),
                blocked: summary.blocked)
            return .object([
                ("outbox_depth", .int(summary.depth)),
                ("oldest_pending_at", summary.oldestAcceptedAt.map { .string($0.description) } ?? .null),
                ("blocked", .int(summary.blocked)),
                ("last_session", session.map(Self.json) ?? .null),
                ("item_errors", .array(errors.map(Self.json))),
            ])
        } catch {
            return .object([
                ("outbox_depth", .null), ("oldest_pending_at", .null), ("blocked", .null), ("last_session", .null),
                ("item_errors", []), ("error", .string("the shelf outbox cannot be read (\(Self.reason(error)))")),
            ])
        }
    }

    /// Seconds since `time` (0 when nothing waits).
    static func ageSeconds(_ time: UnixMillis?, now: UnixMillis) -> Double {
        guard let time else { return 0 }
        return max(0, Double(now.value - time.value) / 1000)
    }

    static func json(_ session: ShelfSessionRecord) -> JSONValue {
        .object([
            ("session_id", .string(session.sessionId)),
            ("status", .string(session.status.rawValue)),
            ("phase", session.phase.map { .string($0) } ?? .null),
            ("products", .int(session.products)),
            ("tags_confirmed", session.tagsConfirmed.map { .int($0) } ?? .null),
            ("tags_total", session.tagsTotal.map { .int($0) } ?? .null),
            ("started_at", .string(session.startedAt.description)),
            ("finished_at", session.finishedAt.map { .string($0.description) } ?? .null),
            ("message", session.message.map { .string($0) } ?? .null),
        ])
    }

    static func json(_ error: ShelfItemErrorRecord) -> JSONValue {
        [
            "barcode": .string(error.barcode.digits), "message": .string(error.message),
            "at": .string(error.at.description),
        ]
    }
}
