/// Where the client keeps its tokens across restarts (the Store implements it in the state
/// directory: mode 0600, replaced atomically, durable when a call returns).
///
/// The client's protocol: ``markRefreshInFlight()`` is awaited (durably written) before every
/// `POST /auth/refresh`; ``saveTokens(_:)`` is awaited with the new pair before the new access token is
/// used, and clears the marker in the same write; ``clearTokens()`` forgets the pair and the marker
/// (the family was revoked or the client disabled).
public protocol TokenPersistence: Sendable {
    /// The saved pair and the state of the "refresh in flight" marker.
    func loadTokens() async throws -> StoredTokenState
    /// Replaces the pair atomically and clears the "refresh in flight" marker.
    func saveTokens(_ tokens: PersistedTokens) async throws
    /// Durably records that a refresh with the saved refresh token is about to be sent.
    func markRefreshInFlight() async throws
    /// Forgets the pair and the marker.
    func clearTokens() async throws
}
