import Core
import Foundation
import Sandbox
import Simulation
import TestSupport
import Testing

@testable import Daemon
@testable import storesync

/// `GET /v1/usage` and `storesync usage`: upstream's month beside the daemon's own ledger.
@Suite("The operator's month of usage")
struct UsageTests {
    @Test("The usage report matches the sandbox's ledger to the thousandth, day by day, and the daemon's own")
    func usageMatchesTheSandbox() async throws {
        try await StoreWorld.run(catalog: { sandbox in Array(sandbox.products.map(\.barcode).prefix(12)) }) { world in
            _ = try await world.sync()
            let walkIn = world.sandbox.products.map(\.barcode).last!
            _ = try await world.scan(walkIn)
            let before = world.sandbox.ledger().filter { $0.clientID == StoreWorld.clientID }
            let answer = try await DaemonSocket.get(world.socket, "/v1/usage")
            #expect(answer.status == 200, "\(String(describing: answer.json))")
            let document = try #require(answer.json)
            let today = Timestamp.formatDay(world.sandbox.clock.now())
            let days = document["days"]?.arrayValue ?? []
            #expect(days.last?["date"]?.stringValue == today)
            let spent = before.reduce(Credits.zero) { $0 + $1.creditsDebited }
            #expect(spent > .zero)
            let row = try #require(days.last)
            #expect(row["credits"]?.creditsValue == spent)
            #expect(row["ledger_credits"]?.creditsValue == spent)
            // The /usage request itself is counted by the sandbox too.
            #expect(row["requests"]?.intValue == before.filter(\.countedForRateLimit).count + 1)
            #expect(document["total"]?["credits"]?.creditsValue == spent)
            #expect(document["credit_balance"]?.creditsValue == world.sandbox.credits(of: StoreWorld.clientID))

            // What the daemon wrote, the CLI reads.
            let usage = try JSONValueDecoder().decode(UsageDocument.self, from: document)
            let csv = UsageText.render(usage, csv: true).split(separator: "\n")
            #expect(csv.first == "date,requests,credits,ledger_credits")
            #expect(csv.last?.hasPrefix("total,") == true)
            #expect(csv.count == days.count + 2)
            let month = String(today.prefix(7))
            #expect(try await DaemonSocket.get(world.socket, "/v1/usage?month=\(month)").status == 200)
            #expect(try await DaemonSocket.get(world.socket, "/v1/usage?month=2026-13").status == 400)
            #expect(try await DaemonSocket.get(world.socket, "/v1/usage?month=9999-01").status == 400)
        }
    }

    @Test("A month's days run to its end or to today; malformed and future months are refused")
    func monthDays() {
        #expect(UsageMonth.days(of: "2024-02", today: "2026-12-07")?.count == 29)
        #expect(UsageMonth.days(of: "2026-02", today: "2026-12-07")?.last == "2026-02-28")
        #expect(UsageMonth.days(of: "2026-12", today: "2026-12-07")?.last == "2026-12-07")
        #expect(UsageMonth.days(of: "2027-01", today: "2026-12-07") == nil)
        #expect(UsageMonth.days(of: "2026-1", today: "2026-12-07") == nil)
    }
}
