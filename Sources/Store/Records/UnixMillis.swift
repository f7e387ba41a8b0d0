import Core
import Foundation

/// A point in time as milliseconds since 1970-01-01T00:00:00Z: how the database stores every local
/// clock reading (`fetched_at`, `checked_at`, `stored_at`, …), exact and cheap to compare.
public struct UnixMillis: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Milliseconds since the Unix epoch.
    public var value: Int64

    public init(_ value: Int64) { self.value = value }

    /// The instant of `date`, rounded down to the millisecond (saturating: a date far outside any
    /// calendar, as a hostile upstream value could make, is clamped rather than trapping).
    public init(_ date: Date) { self.value = Int64(saturating: (date.timeIntervalSince1970 * 1000).rounded(.down)) }

    /// The current wall-clock time.
    public static func now() -> UnixMillis { UnixMillis(Date()) }

    /// This instant as a `Date`.
    public var date: Date { Date(timeIntervalSince1970: Double(value) / 1000) }

    /// This instant moved by `duration` (negative durations move it back).
    public func adding(_ duration: Duration) -> UnixMillis { UnixMillis(value + duration.wholeMilliseconds) }

    /// The time from this instant to `now` (negative if `now` is earlier, e.g. after a clock step).
    public func age(at now: UnixMillis) -> Duration { .milliseconds(now.value - value) }

    /// The UTC day of this instant as `YYYY-MM-DD` (the key of the daily spend ledger).
    public var utcDay: String { Timestamp.formatDay(date) }

    /// RFC 3339 in UTC, whole seconds (`2026-07-02T16:30:00Z`).
    public var description: String { Timestamp.format(unixSeconds: Self.floorSeconds(value)) }

    public static func < (lhs: UnixMillis, rhs: UnixMillis) -> Bool { lhs.value < rhs.value }

    private static func floorSeconds(_ milliseconds: Int64) -> Int64 {
        milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
    }
}

extension UnixMillis: Codable {
    /// As its ``description`` (whole seconds, UTC); read back from any ``Timestamp``.
    public init(from decoder: any Decoder) throws { self.init(try decoder.singleValueContainer().decode(Date.self)) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
