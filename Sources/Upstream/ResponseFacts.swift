import Core
import Foundation
import NIOHTTP1

/// What the common headers of a Retail Digitals response say (contract, "Common to every response").
///
/// The headers are advisory: a value that is not a number, or out of its range, is ignored (a
/// `Retry-After` is clamped to a day) and listed in ``problems``, never trusted and never a trap.
struct ResponseFacts: Sendable, Hashable {
    /// How far `X-RateLimit-Reset` may lie from the answer's `Date` (a minute window's end).
    static let resetTolerance: TimeInterval = 86_400

    var requestID: String?
    var creditsDebited: Credits?
    var creditsRemaining: Credits?
    var rateLimit: RateLimitHeaders
    /// The `Date` header: the server's clock.
    var serverDate: Date?
    /// `Retry-After`, as seconds or as an HTTP date (relative to ``serverDate``), within a day.
    var retryAfter: Duration?
    /// `Idempotency-Replayed: 1`.
    var replayed: Bool
    /// Headers whose value was ignored or clamped.
    var problems: [HeaderProblem] = []

    /// - Parameter localNow: this machine's clock at receipt (what an HTTP date counts from when the
    ///   answer has no `Date`).
    init(headers: HTTPHeaders, localNow: Date) {
        var reader = HeaderReader(headers: headers)
        requestID = reader.first("X-Request-ID")
        creditsDebited = reader.credits("X-Credits-Debited", in: Credits.plausibleAmounts)
        creditsRemaining = reader.credits("X-Credits-Remaining", in: Credits.plausibleRange)
        let date = reader.date("Date")
        serverDate = date
        let reference = date ?? localNow
        rateLimit = RateLimitHeaders(
            limitMinute: reader.count("X-RateLimit-Limit-Minute"),
            limitDay: reader.count("X-RateLimit-Limit-Day"),
            remainingMinute: reader.count("X-RateLimit-Remaining-Minute"),
            remainingDay: reader.count("X-RateLimit-Remaining-Day"),
            reset: reader.instant(
                "X-RateLimit-Reset",
                in: reference.addingTimeInterval(
                    -Self.resetTolerance)...reference.addingTimeInterval(Self.resetTolerance)))
        retryAfter = reader.retryAfter("Retry-After", now: reference)
        replayed = reader.first("Idempotency-Replayed") == "1"
        problems = reader.problems
    }
}
