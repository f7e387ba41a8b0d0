import Core
import Foundation

extension UpstreamError {
    public var description: String {
        switch self {
        case .notFound:
            return "Retail Digitals does not know this barcode (nothing was charged)"
        case .clientDisabled:
            return "Retail Digitals disabled this API client (403 client_disabled): all upstream calls are "
                + "stopped; ask the platform to re-enable the client, then restart or run `storesync resync`"
        case .insufficientCredits:
            return "the Retail Digitals balance cannot pay for this call (402): paid calls are stopped until "
                + "the account is topped up"
        case .invalidCredentials:
            return "Retail Digitals refused the client id or api key (401 invalid_credentials): check "
                + "upstream.client_id and the api key file, then restart"
        case .dayBudgetSpent(let date):
            return "the day's Retail Digitals request budget is spent; calls resume at \(Self.text(date))"
        case .creditCapReached(let date):
            return "the daily credit cap (upstream.daily_credit_limit) would be crossed; paid calls resume at "
                + Self.text(date)
        case .scanReserveOnly(let date):
            return "the rest of today's request budget is kept for scan-time lookups (upstream.scan_reserve); "
                + "the sync resumes at \(Self.text(date))"
        case .rateLimited(let date):
            return "the minute's Retail Digitals request budget is spent; calls resume at \(Self.text(date))"
        case .timedOut:
            return "Retail Digitals did not answer within the call's deadline; it will be tried again later"
        case .unavailable(let reason):
            return "Retail Digitals is unavailable (\(reason)); it will be tried again later"
        case .answerLost(let reason):
            return "the answer of a paid Retail Digitals call was lost after it was sent (\(reason)); it was "
                + "probably charged, so it is not sent again at once: a later sync pass or scan asks again"
        case .badResponse(let reason):
            return "Retail Digitals sent an answer that breaks its contract (\(reason))"
        case .badRequest(let reason):
            return "Retail Digitals refused the request (\(reason)); retrying the same request will not help"
        case .badImage(let problem):
            return "the image download was refused: \(problem)"
        case .forbidden(let code):
            return "Retail Digitals forbade the call (403 \(code)); check the client's scope and IP allowlist"
        case .cancelled:
            return "the call was cancelled"
        }
    }

    private static func text(_ date: Date) -> String { Timestamp.format(date) }
}
