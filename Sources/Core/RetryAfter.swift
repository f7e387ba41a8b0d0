import Foundation

/// The `Retry-After` header as both upstream APIs send it: delta-seconds (`120`, leniently `1.5`) or
/// an HTTP date. Whatever the text, the wait is clamped to zero … ``maximum``: a server asking for
/// `1e300` seconds gets a day, one asking for `-5` none, and `NaN` or garbage is no wait at all.
public struct RetryAfter: Sendable, Hashable {
    /// The longest wait honoured: a day.
    public static let maximum: Duration = .seconds(86_400)

    /// The wait, within `0…maximum`.
    public var wait: Duration
    /// Whether the server asked for a wait outside `0…maximum` (worth a warning).
    public var clamped: Bool

    public init(wait: Duration, clamped: Bool = false) {
        self.wait = wait
        self.clamped = clamped
    }

    /// Reads the header; `nil` when it is neither a number nor an HTTP date.
    ///
    /// - Parameter now: the instant an HTTP date counts from (the answer's `Date`, else this machine's).
    public init?(parsing text: some StringProtocol, now: Date) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let seconds: Double
        if let number = CheckedNumber.real(trimmed) {
            seconds = number
        } else if let date = HTTPDate.parse(trimmed) {
            seconds = date.timeIntervalSince(now)
        } else {
            return nil
        }
        let limit = Self.maximum.timeInterval
        guard seconds.isFinite, seconds >= 0, seconds <= limit else {
            // NaN is refused by CheckedNumber.real and cannot come from two finite dates.
            self.init(wait: seconds > 0 ? Self.maximum : .zero, clamped: seconds != 0)
            return
        }
        self.init(wait: .milliseconds(Int64(saturating: (seconds * 1000).rounded(.up))))
    }
}
