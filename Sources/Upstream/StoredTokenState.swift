/// What ``TokenPersistence/loadTokens()`` found: the saved pair (if any) and whether the
/// "refresh in flight" marker was still set, i.e. the process stopped between sending a refresh
/// and saving its answer. Such a refresh token may already be consumed upstream: reusing it would
/// revoke the whole token family, so the client goes back to its credentials instead.
public struct StoredTokenState: Sendable, Hashable {
    public var tokens: PersistedTokens?
    public var refreshInFlight: Bool

    public init(tokens: PersistedTokens?, refreshInFlight: Bool) {
        self.tokens = tokens
        self.refreshInFlight = refreshInFlight
    }
}
