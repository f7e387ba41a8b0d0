import Core
import Store

/// The status document's `shelf` block: the outbox, the last batch session and the latest item
/// errors. When the database cannot be read, the counts are `null` and `error` says why (status
/// must still answer); otherwise there is no `error` key.
public struct ShelfStatus: Codable, Sendable, Hashable {
    public var outboxDepth: Int?
    public var oldestPendingAt: UnixMillis?
    /// Changes held back by an item error.
    public var blocked: Int?
    public var lastSession: ShelfSessionRecord?
    public var itemErrors: [ShelfItemErrorRecord]
    public var error: String??
}
