/// Why the access token is being renewed; decides between a refresh and the credentials.
enum RenewalReason: Sendable, Hashable {
    /// No token yet (first call, or the saved refresh may have been consumed): credentials, unless a
    /// usable refresh token is held.
    case missing
    /// The token expires within `refreshAhead`: refresh.
    case expiring
    /// The server said `token_expired`: refresh.
    case expired
    /// The server said `invalid_token` (or a refresh-token error): credentials.
    case rejected

    var mayRefresh: Bool { self != .rejected }
}
