import Core
import Foundation
import Store

/// The schedule maths (pure): store-local wall times to instants across DST changes, jitter, the
/// weekly full refresh and the catch-up rule.
///
/// A wall time that does not exist (the spring-forward gap: 02:30 when clocks jump from 02:00 to
/// 03:00) maps to the first valid instant after it (03:00, the end of the gap); one that happens
/// twice (the fall-back repeat: 01:30) maps to its first occurrence only, so the sync runs once.
public enum SyncSchedule {
    /// The next firing after `now`: the first slot (`at` on a local date) strictly after `now`, plus
    /// `jitter × unitRandom` (`unitRandom` in 0..<1); `full` when the slot's local weekday is
    /// `fullRefresh`.
    public static func next(
        after now: Date, at time: TimeOfDay, in zone: TimeZone, jitter: Duration, unitRandom: Double,
        fullRefresh: Weekday? = nil
    ) -> ScheduledSync {
        let slot = nextSlot(after: now, at: time, in: zone)
        let fraction = min(max(unitRandom, 0), 1)
        let delay = max(0, jitter.timeInterval) * fraction
        let mode: SyncMode = fullRefresh != nil && weekday(of: slot, in: zone) == fullRefresh ? .full : .delta
        return ScheduledSync(slot: slot, fireAt: slot.addingTimeInterval(delay), mode: mode)
    }

    /// ``next(after:at:in:jitter:unitRandom:fullRefresh:)`` with a configuration.
    public static func next(
        after now: Date, configuration: SyncScheduleConfiguration, unitRandom: Double
    ) -> ScheduledSync {
        next(
            after: now, at: configuration.at, in: configuration.zone, jitter: configuration.jitter,
            unitRandom: unitRandom, fullRefresh: configuration.fullRefresh)
    }

    /// The first instant strictly after `now` whose local wall time (in `zone`) is `time`, by the
    /// gap and repeat rules above.
    public static func nextSlot(after now: Date, at time: TimeOfDay, in zone: TimeZone) -> Date {
        let today = localDay(of: now, in: zone)
        for offset in Int64(-1)...Int64(3) {
            let slot = instant(day: today + offset, at: time, in: zone)
            if slot > now { return slot }
        }
        return instant(day: today + 4, at: time, in: zone)
    }

    /// The instant of wall time `time` on the local date `day` (days since 1970-01-01).
    static func instant(day: Int64, at time: TimeOfDay, in zone: TimeZone) -> Date {
        let wall = day * 86_400 + time.secondsOfDay
        let offsets = Set(
            [wall - 86_400, wall, wall + 86_400].map { Int64(zone.secondsFromGMT(for: Date(seconds: $0))) })
        let valid = offsets.map { wall - $0 }.filter { Int64(zone.secondsFromGMT(for: Date(seconds: $0))) == wall - $0 }
        if let first = valid.min() { return Date(seconds: first) }
        // In a gap: the first instant after it, where the zone's offset changes.
        let bounds = offsets.map { wall - $0 }
        var low = bounds.min() ?? wall
        var high = bounds.max() ?? wall
        let before = zone.secondsFromGMT(for: Date(seconds: low))
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if zone.secondsFromGMT(for: Date(seconds: middle)) == before { low = middle } else { high = middle }
        }
        return Date(seconds: high)
    }

    /// The local date of `date` in `zone`, as days since 1970-01-01.
    public static func localDay(of date: Date, in zone: TimeZone) -> Int64 {
        let local = Int64(date.timeIntervalSince1970.rounded(.down)) + Int64(zone.secondsFromGMT(for: date))
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }

    /// The local weekday of `date` in `zone`.
    public static func weekday(of date: Date, in zone: TimeZone) -> Weekday {
        Weekday(daysSinceEpoch: localDay(of: date, in: zone))
    }

    /// Whether a catch-up sync is due at start: never succeeded, or the last success is older than
    /// `maxAge`.
    public static func needsCatchUp(lastSuccess: Date?, now: Date, maxAge: Duration = .seconds(86_400)) -> Bool {
        guard let lastSuccess else { return true }
        return now.timeIntervalSince(lastSuccess) > maxAge.timeInterval
    }
}

extension Date {
    /// The instant `seconds` after 1970-01-01T00:00:00Z.
    fileprivate init(seconds: Int64) { self.init(timeIntervalSince1970: TimeInterval(seconds)) }
}
