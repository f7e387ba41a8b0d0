import Core

/// `shelf.*`: the optional Retagly shelf-display push. Each key is described in
/// ``DaemonConfiguration/settings``; the values here are the defaults.
public struct ShelfSettings: Sendable, Hashable {
    /// Without a trailing `/`; `nil` turns the push off.
    public var baseURL: String?
    public var token: Secret?
    public var tokenSource: CredentialSource?
    /// The `token_file` key as written (resolved into ``token``).
    public var tokenFile: String?
    /// The store-local time of the daily full push; `nil`: none (`off`).
    public var fullPush: TimeOfDay?

    /// Whether the push runs: a base URL and a token are both configured.
    public var isEnabled: Bool { baseURL != nil && token != nil }
}
