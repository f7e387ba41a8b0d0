import Foundation

/// One request as the Retagly logic sees it, stripped of HTTP: which call, the bearer token,
/// the body bytes and the sandbox time.
struct RetaglyCall: Sendable {
    var endpoint: RetaglyEndpoint
    /// The bearer token of the `Authorization` header, `nil` when missing or not `Bearer`.
    var token: String?
    /// The body, or `nil` when it was over ``RetaglySandbox/maximumBodyBytes``.
    var body: [UInt8]?
    /// The session id of the path (`/batch/{sessionId}/status`).
    var pathSessionId: String?
    var now: Date
}
