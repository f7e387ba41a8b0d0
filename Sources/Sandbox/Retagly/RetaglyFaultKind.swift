/// What an injected fault did to a request, as the ledger records it.
public enum RetaglyFaultKind: String, Sendable, Hashable {
    /// The service was down: 503 without processing.
    case down
    /// A 5xx answer without processing.
    case serverError
    /// A 429 `rate_limited` of a storm, with `Retry-After`, without processing.
    case rateLimitStorm
    /// The connection was closed after the response head, before any body byte, without processing.
    case connectionClosed
    /// The request was processed normally and its answer held back for a while.
    case delay
}
