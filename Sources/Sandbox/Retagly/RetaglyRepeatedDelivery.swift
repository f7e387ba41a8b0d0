/// A write that changed nothing: the product already held exactly these values, so the client
/// delivered the same state twice with no change in between.
public struct RetaglyRepeatedDelivery: Sendable, Hashable {
    /// The write that changed nothing.
    public var write: RetaglyWrite
    /// The write to the same barcode before it.
    public var previous: RetaglyWrite
    /// Why a repeat is legitimate, when it is: the previous write's answer was held back by a
    /// delay fault (the client may have given up and retried), or its session failed (the client
    /// must send the products again). `nil` when the client had no reason to send it again.
    public var excuse: String?
}
