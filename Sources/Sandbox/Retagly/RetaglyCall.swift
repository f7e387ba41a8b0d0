import Core
import Foundation

/// One request as the Retagly logic sees it, stripped of HTTP: which call, the bearer token,
/// the body (parsed before the sandbox's lock is taken) and the sandbox time.
struct RetaglyCall: Sendable {
    var endpoint: RetaglyEndpoint
    /// The bearer token of the `Authorization` header, `nil` when missing or not `Bearer`.
    var token: String?
    /// The body, or `nil` when it was over ``RetaglySandbox/maximumBodyBytes``.
    var body: [UInt8]?
    /// The body parsed as JSON; `nil` when it was too large.
    var parsed: Result<JSONValue, JSONParseError>?
    /// The session id of the path (`/batch/{sessionId}/status`).
    var pathSessionId: String?
    var now: Date

    init(endpoint: RetaglyEndpoint, token: String?, body: [UInt8]?, pathSessionId: String?, now: Date) {
        self.endpoint = endpoint
        self.token = token
        self.body = body
        self.parsed = body.map { bytes in Result { () throws(JSONParseError) in try JSONValue(parsing: bytes) } }
        self.pathSessionId = pathSessionId
        self.now = now
    }
}
