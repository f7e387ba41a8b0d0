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

    static func document(month: String, report: UsageReport, ledger: [String: Credits]) -> JSONValue {
        var requests = 0
        var credits = Credits.zero
        var spent = Credits.zero
        let days: [JSONValue] = report.days.map { day in
            requests += day.requests
            credits = credits + day.credits
            let own = ledger[day.date] ?? .zero
            spent = spent + own
            return [
                "date": .string(day.date), "requests": .int(day.requests), "credits": .credits(day.credits),
                "ledger_credits": .credits(own),
            ]
        }
        return [
            "month": .string(month), "client_name": .string(report.clientName), "tier": .string(report.tier),
            "credit_balance": .credits(report.balance), "days": .array(days),
            "total": ["requests": .int(requests), "credits": .credits(credits), "ledger_credits": .credits(spent)],
        ]
    }
}
