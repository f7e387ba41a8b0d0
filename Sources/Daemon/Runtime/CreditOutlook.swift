import Core
import Foundation

/// The operator's money in status (pure): credits spent this UTC month by the daemon's own ledger,
/// and how many days the balance lasts at the recent rate.
///
/// The rate is the average of up to seven complete UTC days before today, never counting the
/// ledger's first day (the daemon most likely started during it). With no such day, no balance or
/// no spending, the days left are unknown and ``unknownBecause`` says why: a guess is never shown
/// as a figure.
struct CreditOutlook: Sendable, Hashable {
    /// Credits spent from the 1st of this UTC month through today, by the ledger.
    var monthSpent: Credits
    /// The average daily spend, `nil` when there is no complete day to average.
    var dailyAverage: Credits?
    /// How many complete days ``dailyAverage`` averages.
    var averagedDays: Int
    /// The balance divided by the daily average, to a tenth of a day (rounded down).
    var daysLeft: Double?
    /// Why ``daysLeft`` is unknown.
    var unknownBecause: String?

    /// The days of the ledger ``compute(now:ledger:firstDay:balance:)`` reads.
    static func ledgerRange(now: Date) -> (first: String, last: String) {
        let today = Timestamp.formatDay(now)
        let weekAgo = Timestamp.formatDay(now.addingTimeInterval(-7 * 86_400))
        return (min(String(today.prefix(7)) + "-01", weekAgo), today)
    }

    /// - Parameters:
    ///   - ledger: credits per UTC day, covering ``ledgerRange(now:)``.
    ///   - firstDay: the earliest day the ledger holds.
    ///   - balance: the last balance upstream reported.
    static func compute(now: Date, ledger: [String: Credits], firstDay: String?, balance: Credits?) -> CreditOutlook {
        let today = Timestamp.formatDay(now)
        let monthStart = String(today.prefix(7)) + "-01"
        let monthSpent = ledger.filter { $0.key >= monthStart && $0.key <= today }.values.reduce(.zero, +)
        var outlook = CreditOutlook(monthSpent: monthSpent, averagedDays: 0)
        var windowSpent = Credits.zero
        for back in 1...7 {
            let day = Timestamp.formatDay(now.addingTimeInterval(-Double(back) * 86_400))
            guard let firstDay, day > firstDay else { break }
            windowSpent = windowSpent + (ledger[day] ?? .zero)
            outlook.averagedDays += 1
        }
        guard outlook.averagedDays > 0 else {
            outlook.unknownBecause = "no complete UTC day of spending recorded yet"
            return outlook
        }
        let average = Credits(thousandths: windowSpent.thousandths / Int64(outlook.averagedDays))
        outlook.dailyAverage = average
        guard let balance else {
            outlook.unknownBecause = "the balance is not known yet"
            return outlook
        }
        guard average > .zero else {
            outlook.unknownBecause = "nothing was spent in the last \(outlook.averagedDays) complete days"
            return outlook
        }
        let tenths = max(balance.thousandths, 0) * 10 / average.thousandths
        outlook.daysLeft = Double(tenths) / 10
        return outlook
    }
}
