/// The token store's one row: the current access/refresh pair and the refresh-in-flight marker.
///
/// Prints as `[redacted]` in every form (`description`, `debugDescription`, `dump`), so a token can
/// never reach a log line by accident.
public struct StoredTokens: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The bearer token, if one was saved.
    public var accessToken: String?
    /// When the access token expires (local clock, from `expires_in`).
    public var accessExpiresAt: UnixMillis?
    /// The refresh token to use next, if one was saved.
    public var refreshToken: String?
    /// Set durably before a refresh request is sent, cleared when the new pair is saved. Found set at
    /// start, it means the stored refresh token may already be consumed: re-authenticate instead.
    public var refreshInFlight: Bool
    public var updatedAt: UnixMillis

    public init(
        accessToken: String?, accessExpiresAt: UnixMillis?, refreshToken: String?, refreshInFlight: Bool,
        updatedAt: UnixMillis
    ) {
        self.accessToken = accessToken
        self.accessExpiresAt = accessExpiresAt
        self.refreshToken = refreshToken
        self.refreshInFlight = refreshInFlight
        self.updatedAt = updatedAt
    }

    /// The refresh token when it is safe to send: present and no refresh was interrupted.
    public var usableRefreshToken: String? { refreshInFlight ? nil : refreshToken }

    public var description: String { "[redacted]" }
    public var debugDescription: String { "[redacted]" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
