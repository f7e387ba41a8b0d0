import Store
import Upstream

/// What a scan-time miss got by its deadline (the Daemon maps it onto Lookup's `LiveOutcome`).
public enum LiveFetchResult: Sendable {
    /// Upstream has it; it is stored, with the images that were stored by the deadline.
    case found(HotProduct)
    /// Upstream does not have it (a negative entry is stored).
    case notFound
    /// Upstream has it but not for this client: `403 scope_forbidden` (a negative entry of that
    /// reason is stored).
    case outOfScope
    /// No answer by the deadline or at all: `timeout`, `unavailable`, `rate_limited`,
    /// `insufficient_credits`, `client_disabled`, `credit_cap` or `disk_full`.
    case unavailable(reason: String)

    /// The `reason` a scan sees for an upstream error.
    public static func reason(for error: UpstreamError) -> String {
        switch error {
        case .timedOut, .cancelled: return "timeout"
        case .rateLimited, .dayBudgetSpent, .scanReserveOnly: return "rate_limited"
        case .insufficientCredits: return "insufficient_credits"
        case .clientDisabled: return "client_disabled"
        case .creditCapReached: return "credit_cap"
        case .notFound, .invalidCredentials, .unavailable, .answerLost, .badResponse, .badRequest, .badImage,
            .forbidden:
            return "unavailable"
        }
    }
}
