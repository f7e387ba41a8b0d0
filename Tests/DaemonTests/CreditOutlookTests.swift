import Core
import Foundation
import Sandbox
import Simulation
import Store
import TestSupport
import Testing

@testable import Daemon
@testable import storesync

/// The operator's money in status: this month's spend, the days of credit left at the recent rate
/// (or honestly "unknown"), and the low-credit warning.
@Suite("Credits in status: month to date, days left, low-credit warning")
struct CreditOutlookTests {
    static let noon = Timestamp.parse("2026-12-10T12:00:00Z")!

    @Test("Month to date sums the ledger from the 1st; the rate averages up to 7 complete days, never the first")
    func outlook() {
        var ledger: [String: Credits] = [:]
        for day in 1...10 { ledger["2026-12-\(day < 10 ? "0" : "")\(day)"] = Credits(day * 10) }
        ledger["2026-11-30"] = Credits(1000)
        let full = CreditOutlook.compute(now: Self.noon, ledger: ledger, firstDay: "2026-11-01", balance: Credits(1000))
        #expect(full.monthSpent == Credits(550))
        // 12-03 … 12-09: 30 + … + 90 = 420 over 7 days = 60 a day; 1000 / 60 = 16.66… → 16.6.
        #expect(full.dailyAverage == Credits(60) && full.averagedDays == 7)
        #expect(full.daysLeft == 16.6 && full.unknownBecause == nil)

        let young = CreditOutlook.compute(
            now: Self.noon, ledger: ledger, firstDay: "2026-12-07", balance: Credits(1000))
        // 12-08 and 12-09 only (12-07 is the first, partial day): 170 / 2 = 85.
        #expect(young.averagedDays == 2 && young.dailyAverage == Credits(85))

        for first in ["2026-12-10", "2026-12-09"] {
            let new = CreditOutlook.compute(now: Self.noon, ledger: ledger, firstDay: first, balance: Credits(1000))
            #expect(new.daysLeft == nil && new.unknownBecause == "no complete UTC day of spending recorded yet")
        }
        let empty = CreditOutlook.compute(now: Self.noon, ledger: [:], firstDay: nil, balance: Credits(5))
        #expect(empty.monthSpent == .zero && empty.daysLeft == nil)
        let idle = CreditOutlook.compute(
            now: Self.noon, ledger: ["2026-12-10": Credits(3)], firstDay: "2026-10-01", balance: Credits(5))
        #expect(idle.daysLeft == nil && idle.unknownBecause == "nothing was spent in the last 7 complete days")
        let noBalance = CreditOutlook.compute(now: Self.noon, ledger: ledger, firstDay: "2026-11-01", balance: nil)
        #expect(noBalance.daysLeft == nil && noBalance.unknownBecause == "the balance is not known yet")
        #expect(CreditOutlook.ledgerRange(now: Self.noon) == ("2026-12-01", "2026-12-10"))
        #expect(
            CreditOutlook.ledgerRange(now: Timestamp.parse("2026-12-03T01:00:00Z")!) == ("2026-11-26", "2026-12-03"))
    }

    @Test("Status and /metrics show the month's spend, days left once full days exist, and the low-credit warning")
    func throughTheDaemon() async throws {
        var setup = StoreWorld.Setup()
        setup.credits = Credits(555)
        setup.configure = { $0.upstream.lowCreditWarning = Credits(550) }
        try await StoreWorld.run(setup, catalog: { sandbox in Array(sandbox.products.map(\.barcode).prefix(12)) }) {
            world in
            let run = try await world.sync()
            #expect(run["state"]?.stringValue == "succeeded", "\(run)")
            let spent = world.credits()
            #expect(spent > Credits(5))
            let status = try #require(try await DaemonSocket.get(world.socket, "/v1/status").json)
            let upstream = try #require(status["upstream"])
            #expect(upstream["credits_spent_month"]?.creditsValue == spent)
            #expect(upstream["credits_spent_today"]?.creditsValue == spent)
            #expect(upstream["credit_days_left"]?.isNull == true)
            #expect(
                upstream["credit_days_left_unknown_because"]?.stringValue
                    == "no complete UTC day of spending recorded yet")
            #expect(upstream["credits_low"] == true && upstream["low_credit_warning"]?.creditsValue == Credits(550))
            let balance = try #require(upstream["credits_remaining"]?.creditsValue)
            #expect(balance == world.sandbox.credits(of: StoreWorld.clientID))
            let text = StatusText.render(try JSONValueDecoder().decode(StatusDocument.self, from: status))
            #expect(text.contains("LOW: \(balance) left (below upstream.low_credit_warning 550"), "\(text)")
            #expect(text.contains("days left unknown (no complete UTC day of spending recorded yet)"), "\(text)")
            let metrics = String(
                decoding: try await SocketHTTP.request(.unix(world.socket), "GET", "/metrics").body, as: UTF8.self)
            #expect(metrics.contains("storesync_upstream_low_credit_warning_credits 550"), "\(metrics)")
            #expect(metrics.contains("storesync_upstream_credits_spent_month \(spent.doubleValue)"), "\(metrics)")

            // Earlier days in the ledger: the 8th day back is the first (partial), then 14 a day for 7 days.
            let now = world.clock.now
            try await world.daemon.database.write { connection in
                try connection.addSpend(Credits(1000), at: UnixMillis(now.addingTimeInterval(-8 * 86_400)))
                for back in 1...7 {
                    try connection.addSpend(Credits(14), at: UnixMillis(now.addingTimeInterval(-Double(back) * 86_400)))
                }
            }
            let later = try #require(try await DaemonSocket.get(world.socket, "/v1/status").json?["upstream"])
            #expect(later["credits_daily_average"]?.creditsValue == Credits(14))
            #expect(later["credits_daily_average_days"]?.intValue == 7)
            let tenths = balance.thousandths * 10 / Credits(14).thousandths
            #expect(later["credit_days_left"]?.jsonText == String(Double(tenths) / 10))
            let monthStart = String(Timestamp.formatDay(now).prefix(7)) + "-01"
            let earlier = (1...8).filter {
                Timestamp.formatDay(now.addingTimeInterval(-Double($0) * 86_400)) >= monthStart
            }
            let month = earlier.reduce(spent) { total, back in total + (back == 8 ? Credits(1000) : Credits(14)) }
            #expect(later["credits_spent_month"]?.creditsValue == month)
            let credits = StatusText.creditsLine(
                try JSONValueDecoder().decode(StatusDocument.Upstream.self, from: later))
            #expect(credits.contains("days left at 14/day (7-day average)"))
        }
    }

    @Test("storesync usage matches the sandbox's own /usage answer to the thousandth, day by day")
    func usageMatchesSandboxUsage() async throws {
        try await StoreWorld.run(catalog: { sandbox in Array(sandbox.products.map(\.barcode).prefix(12)) }) { world in
            _ = try await world.sync()
            _ = try await world.scan(world.sandbox.products.map(\.barcode).last!)
            let document = try #require(try await DaemonSocket.get(world.socket, "/v1/usage").json)
            let usage = try JSONValueDecoder().decode(UsageDocument.self, from: document)
            let csv = UsageText.render(usage, csv: true).split(separator: "\n").dropFirst().dropLast()
            let today = Timestamp.formatDay(world.sandbox.clock.now())
            let client = SandboxTestClient(baseURL: world.sandbox.retailDigitalsBaseURL)
            let token = try await client.token()
            let from = String(today.prefix(7)) + "-01"
            let answer = try await client.send(.GET, "/usage?from=\(from)&to=\(today)", token: token.access)
            #expect(answer.status == 200)
            let days = answer.json?["days"]?.arrayValue ?? []
            let upstream = Dictionary(
                uniqueKeysWithValues: days.compactMap { day -> (String, Credits)? in
                    guard let date = day["date"]?.stringValue, let credits = day["credits"]?.creditsValue else {
                        return nil
                    }
                    return (date, credits)
                })
            #expect(!csv.isEmpty)
            for line in csv {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                #expect(Credits(parsing: cells[2]) == upstream[cells[0]] ?? .zero, "\(line)")
                #expect(Credits(parsing: cells[3]) == Credits(parsing: cells[2]), "ledger beside upstream: \(line)")
            }
            #expect(upstream[today] ?? .zero > .zero)
        }
    }
}
