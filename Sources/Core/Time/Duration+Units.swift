import Foundation

extension Duration {
    /// The duration in (fractional) seconds, as Foundation measures time.
    public var timeInterval: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    /// Whole milliseconds, rounded toward zero (saturating at the ends of `Int64`).
    public var wholeMilliseconds: Int64 { whole(perSecond: 1000) }

    /// Whole microseconds, rounded toward zero (saturating at the ends of `Int64`).
    public var wholeMicroseconds: Int64 { whole(perSecond: 1_000_000) }

    private func whole(perSecond units: Int64) -> Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: units)
        let (sum, carry) = scaled.addingReportingOverflow(attoseconds / (1_000_000_000_000_000_000 / units))
        return overflow || carry ? (seconds < 0 ? .min : .max) : sum
    }
}

extension Date {
    /// This instant moved by `duration` (back, for a negative one).
    public static func + (date: Date, duration: Duration) -> Date {
        date.addingTimeInterval(duration.timeInterval)
    }

    /// This instant moved back by `duration`.
    public static func - (date: Date, duration: Duration) -> Date {
        date.addingTimeInterval(-duration.timeInterval)
    }
}
