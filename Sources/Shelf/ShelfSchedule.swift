import Core
import Foundation

/// When the daily full catalog push runs (pure): the first instant after a given one at which the
/// local wall clock of a time zone shows the configured `HH:MM`.
enum ShelfSchedule {
    /// The first instant strictly after `date` showing `time` in `timeZone`. On a day where that
    /// wall time does not exist (a DST gap) the push runs at the first instant after the gap.
    static func nextRun(after date: Date, at time: TimeOfDay, timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(hour: time.hour, minute: time.minute, second: 0)
        return calendar.nextDate(
            after: date, matching: components, matchingPolicy: .nextTime, repeatedTimePolicy: .first,
            direction: .forward) ?? date.addingTimeInterval(86_400)
    }

    /// When the next full push is due, given the last one (`nil`: never ran) and `now`. A push
    /// missed while storesync was not running is due at once; a first one waits for the schedule.
    static func nextDue(lastRun: Date?, now: Date, at time: TimeOfDay, timeZone: TimeZone) -> Date {
        nextRun(after: lastRun ?? now, at: time, timeZone: timeZone)
    }
}
