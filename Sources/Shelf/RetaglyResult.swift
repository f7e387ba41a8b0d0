import Core

/// How one Retagly call ended, sorted by what the pusher does next.
enum RetaglyResult: Sendable {
    /// 2xx with a JSON body.
    case ok(JSONValue)
    /// 400 with per-product problems: nothing of the request was saved.
    case itemErrors([ErrorDocument.Item])
    /// Try again later: 429, 5xx, no answer, a timeout or an unreadable answer. `retryAfter` is the
    /// server's `Retry-After`, when sent.
    case retry(retryAfter: Duration?, reason: String)
    /// The session is gone: 404 `session_not_found`, 409 `session_completed`, 410 `session_expired`.
    case sessionGone(status: Int, code: String)
    /// Any other refusal (401, 413, a 400 without items): sending the same again will not help
    /// until something changes (configuration, a bug fixed).
    case refused(status: Int, code: String?, message: String)
}
