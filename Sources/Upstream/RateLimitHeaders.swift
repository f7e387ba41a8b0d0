import Foundation

/// The `X-RateLimit-*` headers of one response.
public struct RateLimitHeaders: Sendable, Hashable {
    public var limitMinute: Int?
    public var limitDay: Int?
    public var remainingMinute: Int?
    public var remainingDay: Int?
    /// When the current minute window ends, on the server's clock.
    public var reset: Date?

    public init(
        limitMinute: Int? = nil, limitDay: Int? = nil, remainingMinute: Int? = nil, remainingDay: Int? = nil,
        reset: Date? = nil
    ) {
        self.limitMinute = limitMinute
        self.limitDay = limitDay
        self.remainingMinute = remainingMinute
        self.remainingDay = remainingDay
        self.reset = reset
    }

    /// Whether any of the headers was present.
    public var isEmpty: Bool {
        limitMinute == nil && limitDay == nil && remainingMinute == nil && remainingDay == nil && reset == nil
    }
}
