import Core
import Foundation
import NIOHTTP1

/// What the common headers of a Retail Digitals response say (contract, "Common to every response").
struct ResponseFacts: Sendable, Hashable {
    var requestID: String?
    var creditsDebited: Credits?
    var creditsRemaining: Credits?
    var rateLimit: RateLimitHeaders
    /// The `Date` header: the server's clock.
    var serverDate: Date?
    /// `Retry-After`, as seconds or as an HTTP date (relative to ``serverDate``).
    var retryAfter: Duration?
    /// `Idempotency-Replayed: 1`.
    var replayed: Bool

    init(headers: HTTPHeaders) {
        func first(_ name: String) -> String? {
            headers[name].first.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        func integer(_ name: String) -> Int? { first(name).flatMap { Int($0) } }
        requestID = first("X-Request-ID")
        creditsDebited = first("X-Credits-Debited").flatMap { Credits(parsing: $0) }
        creditsRemaining = first("X-Credits-Remaining").flatMap { Credits(parsing: $0) }
        rateLimit = RateLimitHeaders(
            limitMinute: integer("X-RateLimit-Limit-Minute"),
            limitDay: integer("X-RateLimit-Limit-Day"),
            remainingMinute: integer("X-RateLimit-Remaining-Minute"),
            remainingDay: integer("X-RateLimit-Remaining-Day"),
            reset: first("X-RateLimit-Reset").flatMap { Double($0) }.map { Date(timeIntervalSince1970: $0) })
        let date = first("Date").flatMap { HTTPDate.parse($0) }
        serverDate = date
        retryAfter = first("Retry-After").flatMap { Self.parseRetryAfter($0, serverDate: date) }
        replayed = first("Idempotency-Replayed") == "1"
    }

    /// From plain `(name, value)` pairs (tests).
    init(pairs: [(String, String)]) { self.init(headers: HTTPHeaders(pairs)) }

    /// `Retry-After` as delta-seconds (`120`) or an HTTP date, never negative.
    static func parseRetryAfter(_ text: String, serverDate: Date?) -> Duration? {
        if let seconds = Double(text), seconds.isFinite {
            return .milliseconds(Int64(max(seconds, 0) * 1000))
        }
        if let date = HTTPDate.parse(text), let serverDate {
            return .milliseconds(Int64(max(date.timeIntervalSince(serverDate), 0) * 1000))
        }
        return nil
    }
}
