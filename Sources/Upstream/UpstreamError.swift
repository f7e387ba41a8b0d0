import Foundation

/// Why a call to Retail Digitals did not give an answer. Descriptions say what happened and what
/// to do, and never contain a secret (api key, token, signed URL).
///
/// Dates (`resumeAt`) are on this machine's clock, already converted from the server's.
public enum UpstreamError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The barcode (or the variant) is not in the catalog; nothing was charged.
    case notFound
    /// The client was revoked upstream; all traffic stops until restart or ``RetailDigitalsClient/reenable()``.
    case clientDisabled
    /// The balance cannot pay for the call; paid calls stop until ``RetailDigitalsClient/balance()`` shows a top-up.
    case insufficientCredits
    /// The client id or api key was refused.
    case invalidCredentials
    /// The day's request budget is spent; calls resume after the next UTC midnight (server clock).
    case dayBudgetSpent(resumeAt: Date)
    /// The configured daily credit cap would be crossed; paid calls resume after the next UTC midnight.
    case creditCapReached(resumeAt: Date)
    /// What is left of the day's request budget is kept for scan-time lookups.
    case scanReserveOnly(resumeAt: Date)
    /// The minute's request budget is spent and the window resets after the call's deadline.
    case rateLimited(resumeAt: Date)
    /// The call's deadline passed (retries included).
    case timedOut
    /// Upstream could not be reached or kept failing (5xx, resets, cut bodies) within the deadline.
    case unavailable(String)
    /// A paid call went out and its answer was lost (no answer in time, a reset, a cut or garbled
    /// body): upstream most likely charged it. It is not sent again at once; a later sync pass or
    /// scan asks again.
    case answerLost(String)
    /// Upstream answered something that does not follow the contract.
    case badResponse(String)
    /// Upstream refused the request as malformed (400/409/other 4xx); retrying will not help.
    case badRequest(String)
    /// The image bytes were refused.
    case badImage(ImageProblem)
    /// Upstream forbade the call (`ip_not_allowed`, `scope_forbidden`, …).
    case forbidden(code: String)
    /// The caller cancelled the call.
    case cancelled

    /// When a call stopped by a budget or cap may be tried again, if that is known.
    public var resumeAt: Date? {
        switch self {
        case .dayBudgetSpent(let date), .creditCapReached(let date), .scanReserveOnly(let date),
            .rateLimited(let date):
            return date
        default: return nil
        }
    }

    /// A short machine-readable reason (for `upstream_unavailable` answers and status).
    public var reasonCode: String {
        switch self {
        case .notFound: return "not_found"
        case .clientDisabled: return "client_disabled"
        case .insufficientCredits: return "insufficient_credits"
        case .invalidCredentials: return "invalid_credentials"
        case .dayBudgetSpent: return "day_budget_spent"
        case .creditCapReached: return "credit_cap_reached"
        case .scanReserveOnly: return "scan_reserve_only"
        case .rateLimited: return "rate_limited"
        case .timedOut: return "timed_out"
        case .unavailable: return "unavailable"
        case .answerLost: return "answer_lost"
        case .badResponse: return "bad_response"
        case .badRequest: return "bad_request"
        case .badImage: return "bad_image"
        case .forbidden: return "forbidden"
        case .cancelled: return "cancelled"
        }
    }
}
