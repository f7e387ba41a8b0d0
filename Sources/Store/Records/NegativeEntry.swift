import Core

/// A barcode upstream does not have, remembered so it is neither paid for nor asked again soon.
public struct NegativeEntry: Sendable, Hashable {
    public var barcode: Barcode
    /// When upstream said so (local clock).
    public var checkedAt: UnixMillis
    public var reason: NegativeReason

    public init(barcode: Barcode, checkedAt: UnixMillis, reason: NegativeReason) {
        self.barcode = barcode
        self.checkedAt = checkedAt
        self.reason = reason
    }

    /// How long ago upstream answered, at `now`.
    public func age(at now: UnixMillis) -> Duration { checkedAt.age(at: now) }

    /// Whether the entry has outlived `ttl` (config `storage.negative_ttl`, default 7 days).
    public func isExpired(at now: UnixMillis, ttl: Duration) -> Bool {
        now.value - checkedAt.value >= ttl.wholeMilliseconds
    }
}
