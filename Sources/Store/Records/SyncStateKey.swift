/// A key of the sync state table. The well-known keys are constants; others may be added freely.
public struct SyncStateKey: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The `updated_since` value of the next delta sync (upstream's clock, RFC 3339).
    public static let watermark: SyncStateKey = "watermark"
    /// When the last sync succeeded (RFC 3339).
    public static let lastSuccessAt: SyncStateKey = "last_success_at"
    /// The local instant (ms since 1970) from which the current watermark's delta proves products
    /// unchanged: a record validated at or after it and not shown by the delta's listing is current.
    public static let validatedSince: SyncStateKey = "validated_since"
    /// When the last full refresh succeeded (RFC 3339).
    public static let lastFullAt: SyncStateKey = "last_full_at"
}
