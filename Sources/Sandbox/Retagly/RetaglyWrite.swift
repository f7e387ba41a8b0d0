import Foundation

/// One change a store applied to one product: the ground truth of what was delivered, in order.
public struct RetaglyWrite: Sendable, Hashable {
    /// Sandbox time the change took effect (for a batch: when saving reached the product).
    public var time: Date
    /// The call that carried it: `.add`, `.productUpdate` or `.batchPush` (saved by a session).
    public var endpoint: RetaglyEndpoint
    /// The batch session that saved it, for batch writes.
    public var sessionId: String?
    /// The ledger entry of the request that applied it (`/add`, `/productUpdate`), else `nil`.
    public var ledgerSequence: Int?
    /// Exactly the fields applied.
    public var change: RetaglyProductChange
    /// Whether the write created the product.
    public var created: Bool
}
