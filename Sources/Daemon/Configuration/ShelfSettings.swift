import Core

/// `shelf.*`: the optional Retagly shelf-display push.
public struct ShelfSettings: Sendable, Hashable {
    /// The Retagly API root, without a trailing `/`; `nil` turns the push off.
    public var baseURL: String?
    /// The store's Retagly token; prints as `[redacted]`.
    public var token: Secret?
    /// Where ``token`` came from.
    public var tokenSource: CredentialSource?
    /// The `token_file` key as written (resolved into ``token``).
    public var tokenFile: String?
    /// The daily full catalog push.
    public var fullPush = ShelfFullPush.off

    public init() {}

    /// Whether the push runs: a base URL and a token are both configured.
    public var isEnabled: Bool { baseURL != nil && token != nil }
}
