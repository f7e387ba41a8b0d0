/// An error answer of the emulated Retail Digitals API: a status, the contract's code and a
/// message (which never contains a secret).
struct SandboxAPIError: Error, Sendable, Hashable {
    var status: Int
    var code: String
    var message: String
    /// `Retry-After` seconds (429 and injected 5xx).
    var retryAfter: Int?

    init(_ status: Int, _ code: String, _ message: String, retryAfter: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.retryAfter = retryAfter
    }

    static func badRequest(_ message: String) -> SandboxAPIError { .init(400, "bad_request", message) }

    static func notFound(_ message: String) -> SandboxAPIError { .init(404, "not_found", message) }

    static let missingToken = SandboxAPIError(
        401, "invalid_token", "Send Authorization: Bearer <access_token> (get one from POST /auth/token).")
    static let invalidToken = SandboxAPIError(
        401, "invalid_token", "The access token is malformed, badly signed or revoked; re-authenticate.")
    static let tokenExpired = SandboxAPIError(
        401, "token_expired", "The access token has expired; refresh it with POST /auth/refresh.")
    static let clientDisabled = SandboxAPIError(
        403, "client_disabled", "This API client has been disabled; stop calling and contact the account owner.")
    static let ipNotAllowed = SandboxAPIError(
        403, "ip_not_allowed", "The calling IP is not in this client's allowlist.")

    static func rateLimited(_ message: String, retryAfter: Int) -> SandboxAPIError {
        .init(429, "rate_limited", message, retryAfter: retryAfter)
    }

    static func insufficientCredits(cost: String, balance: String) -> SandboxAPIError {
        .init(
            402, "insufficient_credits",
            "This call costs \(cost) credits but the balance is \(balance); nothing was charged. Top up to continue.")
    }
}
