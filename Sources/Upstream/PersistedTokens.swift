import Core
import Foundation

/// The token pair the client keeps across restarts.
public struct PersistedTokens: Sendable, Hashable {
    /// The Bearer token of authenticated calls.
    public var accessToken: Secret
    /// When the access token expires, on this machine's clock (`expires_in` after it was requested).
    public var accessExpiresAt: Date
    /// The single-use refresh token (`rt_…`).
    public var refreshToken: Secret

    public init(accessToken: Secret, accessExpiresAt: Date, refreshToken: Secret) {
        self.accessToken = accessToken
        self.accessExpiresAt = accessExpiresAt
        self.refreshToken = refreshToken
    }
}
