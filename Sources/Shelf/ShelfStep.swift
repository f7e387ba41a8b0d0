/// How one round of the pusher ended.
enum ShelfStep: Sendable, Equatable {
    /// Nothing to do: wait for new changes.
    case idle
    /// Something was delivered or decided: look again at once.
    case progress
    /// A call failed in a way worth retrying later (`retryAfter`: the server's wish).
    case retry(retryAfter: Duration?, reason: String)
    /// Retagly refused a request as a whole (401, 413, a 400 without items): retried with backoff,
    /// but worth an error log line (the token or storesync itself needs attention).
    case refused(reason: String)

    /// The step for a call result that was not a success.
    static func failure(_ result: RetaglyResult) -> ShelfStep {
        switch result {
        case .retry(let retryAfter, let reason): return .retry(retryAfter: retryAfter, reason: reason)
        case .refused(let status, let code, let message):
            return .refused(reason: "HTTP \(status) \(code ?? "-"): \(message)")
        case .sessionGone(let status, let code): return .retry(retryAfter: nil, reason: "HTTP \(status) \(code)")
        case .itemErrors: return .retry(retryAfter: nil, reason: "Retagly refused products")
        case .ok: return .progress
        }
    }
}
