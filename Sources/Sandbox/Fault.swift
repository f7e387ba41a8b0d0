/// A failure the sandbox injects in front of the Retail Digitals API (see `docs/design.md`).
///
/// Every fault except ``delay(_:)`` replaces the answer: nothing is charged, nothing counts against
/// the rate limit, and the ledger records the request with `injected: true`. A delay sleeps and then
/// sends the normally processed (charged, counted) answer.
public enum Fault: Sendable, Hashable {
    /// A 5xx answer (`internal` for 500, `unavailable` otherwise), optionally with `Retry-After`.
    case serverError(status: Int = 503, retryAfter: Int? = nil)
    /// A `429 rate_limited` with `Retry-After`, whatever the client's real budget.
    case rateLimited(retryAfter: Int)
    /// A real sleep before the normal answer (to push a client past its timeout).
    case delay(Duration)
    /// A `Content-Length` larger than the bytes sent, then the connection is closed.
    case truncatedBody
    /// A `200` whose JSON body does not parse.
    case malformedJSON
    /// A `200` whose body is HTML, not the image (or JSON) the client expects.
    case nonImageBytes
    /// The connection is closed without any answer.
    case closeConnection

    /// A short name for the ledger and the control plane.
    public var name: String {
        switch self {
        case .serverError: return "server_error"
        case .rateLimited: return "rate_limited"
        case .delay: return "delay"
        case .truncatedBody: return "truncated_body"
        case .malformedJSON: return "malformed_json"
        case .nonImageBytes: return "non_image_bytes"
        case .closeConnection: return "close_connection"
        }
    }

    /// Whether the fault replaces the answer (everything but a delay).
    public var replacesAnswer: Bool {
        if case .delay = self { return false }
        return true
    }
}
