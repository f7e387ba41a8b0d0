/// How much the shelf outbox holds, for status and metrics.
public struct ShelfOutboxSummary: Sendable, Hashable {
    /// Changes waiting for delivery (those held back by an item error not counted).
    public var depth: Int
    /// When the oldest of them was accepted.
    public var oldestAcceptedAt: UnixMillis?
    /// Changes held back by an item error until the POS sends a newer change for their barcode.
    public var blocked: Int

    public init(depth: Int, oldestAcceptedAt: UnixMillis?, blocked: Int) {
        self.depth = depth
        self.oldestAcceptedAt = oldestAcceptedAt
        self.blocked = blocked
    }
}
