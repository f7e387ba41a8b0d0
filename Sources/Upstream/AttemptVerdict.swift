/// What one answered attempt means for the retry loop (contract, error table). Pure.
enum AttemptVerdict: Sendable, Equatable {
    /// 2xx (or the expected 302): decode it.
    case success
    /// 5xx: retry with backoff.
    case transient
    /// 429: wait `Retry-After`, or park for the day.
    case rateLimited
    /// 401 `token_expired`: refresh, then retry once.
    case tokenExpired
    /// 401 `invalid_token` (or another token error): re-authenticate with the credentials, retry once.
    case tokenRejected
    /// 402: stop spending.
    case insufficientCredits
    /// 403 `client_disabled`: stop all traffic.
    case clientDisabled
    /// Anything else: fail with this error, no retry.
    case fail(UpstreamError)

    /// Classifies `status` with the error body's `code`.
    static func classify(status: Int, code: String?, acceptsRedirect: Bool) -> AttemptVerdict {
        let code = code ?? ""
        switch status {
        case 200..<300: return .success
        case 302 where acceptsRedirect: return .success
        case 401:
            switch code {
            case "token_expired": return .tokenExpired
            case "invalid_credentials": return .fail(.invalidCredentials)
            default: return .tokenRejected
            }
        case 402: return .insufficientCredits
        case 403:
            return code == "client_disabled"
                ? .clientDisabled : .fail(.forbidden(code: code.isEmpty ? "forbidden" : code))
        case 404: return .fail(.notFound)
        case 429: return .rateLimited
        case 500...: return .transient
        case 400, 409, 422:
            return .fail(.badRequest("\(status) \(code.isEmpty ? "bad_request" : code)"))
        default:
            return .fail(.badResponse("unexpected status \(status)\(code.isEmpty ? "" : " \(code)")"))
        }
    }
}
