import Core
import Upstream

/// The month-end account of `GET /v1/usage` and `storesync usage` (pure): upstream's requests and
/// credits per UTC day beside the daemon's own spend ledger, with totals.
enum UsageMonth {
    /// The UTC days of `month` (`YYYY-MM`) up to `today` (`YYYY-MM-DD`); `nil` when the month is
    /// malformed or in the future.
    static func days(of month: String, today: String) -> [String]? {
        let parts = month.split(separator: "-")
        guard month.utf8.count == 7, parts.count == 2, let year = Int(parts[0]), let number = Int(parts[1]),
            (2000...9999).contains(year), (1...12).contains(number), month <= String(today.prefix(7))
        else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][number - 1]
        return (1...length).map { month + "-" + ($0 < 10 ? "0\($0)" : "\($0)") }.filter { $0 <= today }
    }

    static func document(month: String, report: UsageReport, ledger: [String: Credits]) -> UsageDocument {
        let days = report.days.map { day in
            UsageDocument.Day(
                date: day.date, requests: day.requests, credits: day.credits, ledgerCredits: ledger[day.date] ?? .zero)
        }
        let total = UsageDocument.Total(
            requests: days.reduce(0) { $0 + $1.requests }, credits: days.reduce(.zero) { $0 + $1.credits },
            ledgerCredits: days.reduce(.zero) { $0 + $1.ledgerCredits })
        return UsageDocument(
            month: month, clientName: report.clientName, tier: report.tier, creditBalance: report.balance, days: days,
            total: total)
    }
}
