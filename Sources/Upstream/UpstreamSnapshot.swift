import Core
import Foundation

/// The client's state as `storesync status` shows it. Dates are on this machine's clock.
public struct UpstreamSnapshot: Sendable {
    /// The rate-limit budget as last reported (and paced) by the server.
    /// Also the status document's `rate_limit` block (without `inFlight`).
    public struct RateLimit: Sendable, Hashable, Codable {
        public var limitMinute: Int?
        public var remainingMinute: Int?
        public var limitDay: Int?
        public var remainingDay: Int?
        /// When the current minute window ends.
        public var resetAt: Date?
        /// Requests in flight now.
        public var inFlight = 0

        enum CodingKeys: CodingKey {
            case limitMinute, remainingMinute, limitDay, remainingDay, resetAt
        }
    }

    public var auth: AuthState
    /// The balance last reported (`X-Credits-Remaining`, `/balance`).
    public var creditsRemaining: Credits?
    /// Credits spent on the server's current UTC day (from the spend ledger).
    public var creditsSpentToday: Credits
    /// The configured daily credit cap.
    public var dailyCreditLimit: Credits?
    /// Credits of paid answers lost after they were sent (most likely charged), since start.
    public var creditsLost: Credits = .zero
    /// How many such answers were lost since start.
    public var answersLost = 0
    /// Whether paid calls are stopped after a `402`.
    public var paidCallsStopped: Bool
    public var rateLimit: RateLimit?
    /// Server clock minus this machine's clock, once a response was seen.
    public var serverClockOffset: Duration?
    public var pricing: Pricing
    /// The last error's description (never a secret).
    public var lastError: String?
    /// `upstream.low_credit_warning` (`nil`: off).
    public var lowCreditWarning: Credits?
    /// Whether the last balance seen is below ``lowCreditWarning``.
    public var creditsLow = false
    /// The proxy the client's calls go through (`http://host:port`), `nil` when direct.
    public var proxy: String?
}
