/// A failure the sandbox injects in front of the Retail Digitals API (see `docs/design.md`), or, for
/// ``lostAnswer(_:)``, behind it.
///
/// Every fault except ``delay(_:)``, ``lostAnswer(_:)`` and the rewrites replaces the answer: nothing is charged,
/// nothing counts against the rate limit, and the ledger records the request with `injected: true`.
/// A delay sleeps and then sends the normally processed (charged, counted) answer. A rewrite
/// (``header(name:value:)``, ``bodyField(path:literal:)``) changes whatever answer the request gets
/// — the API's or another fault's — and every matching rewrite rule fires, not just the first.
/// A lost answer is processed, charged and counted like any other, then lost on its way back (cut,
/// reset or stalled past the client's patience); the ledger marks it `answerLost`.
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
    /// The answer is processed and charged, then lost on its way back (see ``LostAnswer``).
    case lostAnswer(LostAnswer)
    /// The answer with header `name` set to `value` (replacing any it had): hostile values the real
    /// API never sends, such as `Retry-After: 1e300` or `X-Credits-Remaining: 10000000000000000`.
    case header(name: String, value: String)
    /// The answer with its JSON body's member at `path` (object keys, created when missing) set to
    /// the JSON text `literal` (`1e19`, `"0.3"`, `null`); text that is not JSON (`NaN`) is written as is.
    case bodyField(path: [String], literal: String)

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
        case .lostAnswer(let how): return how.name
        case .header: return "header"
        case .bodyField: return "body_field"
        }
    }

    /// Whether the fault replaces the answer (everything but a delay, a lost answer and the rewrites).
    public var replacesAnswer: Bool {
        switch self {
        case .delay, .lostAnswer, .header, .bodyField: return false
        default: return true
        }
    }

    /// Whether the fault rewrites the answer the request gets (``header(name:value:)``,
    /// ``bodyField(path:literal:)``).
    public var isRewrite: Bool {
        switch self {
        case .header, .bodyField: return true
        default: return false
        }
    }

    /// How long the answer is held before it is sent (a delay or a stalled lost answer).
    var heldFor: Duration? {
        switch self {
        case .delay(let duration), .lostAnswer(.stall(let duration)): return duration
        default: return nil
        }
    }
}
