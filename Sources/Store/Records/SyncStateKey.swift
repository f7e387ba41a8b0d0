/// A key of the sync state table. The well-known keys are constants; others may be added freely.
public struct SyncStateKey: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The `updated_since` value of the next delta sync (upstream's clock, RFC 3339).
    public static let watermark: SyncStateKey = "watermark"
    /// When the last sync succeeded (RFC 3339).
    public static let lastSuccessAt: SyncStateKey = "last_success_at"
    /// When the last full refresh succeeded (RFC 3339).
    public static let lastFullAt: SyncStateKey = "last_full_at"
}
