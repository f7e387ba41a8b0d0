import Core
import Foundation
import Lookup
import Store
import Upstream

extension DaemonBackend {
    func usage(month: String?) async -> ControlAnswer {
        guard hasCredentials else {
            return Self.error(503, "no_credentials", "no Retail Digitals credentials are configured; see the README")
        }
        let today = Timestamp.formatDay(Date())
        let month = month ?? String(today.prefix(7))
        guard let range = UsageMonth.days(of: month, today: today) else {
            return Self.error(400, "invalid_month", "month must be YYYY-MM, not after this month (got '\(month)')")
        }
        let report: UsageReport
        do { report = try await client.usage(from: range.first!, to: range.last!) } catch {
            return Self.error(503, "upstream_unavailable", "Retail Digitals could not tell the usage: \(error)")
        }
        let ledger: [String: Credits]
        do {
            ledger = try await database.read { connection in
                var spent: [String: Credits] = [:]
                for day in range { spent[day] = try connection.spend(day: day) }
                return spent
            }
        } catch {
            return Self.error(503, "storage_failed", "the daemon's spend ledger cannot be read: \(error)")
        }
        let document = UsageMonth.document(month: month, report: report, ledger: ledger)
        return ControlAnswer(status: 200, body: JSONValueEncoder.json(document))
    }
}
