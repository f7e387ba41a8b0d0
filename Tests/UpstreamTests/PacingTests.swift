import Core
import Foundation
import Sandbox
import TestSupport
import Testing
import Upstream

@Suite("Pacing against the sandbox's rate limits")
struct PacingTests {
    @Test("The scan reserve is kept for scans; a spent day parks every call until midnight UTC")
    func scanReserveAndSpentDay() async throws {
        let sandbox = UpstreamHarness.sandboxConfiguration(requestsPerDay: 10)
        try await UpstreamHarness.run(sandbox, configure: { $0.scanReserve = 0.5 }) { harness in
            let client = harness.client
            var syncCalls = 0
            var stop: UpstreamError?
            while stop == nil, syncCalls < 20 {
                stop = await caught { () async throws(UpstreamError) in
                    try await client.listChanges(updatedSince: nil, page: 1, perPage: 1, purpose: .sync)
                }
                if stop == nil { syncCalls += 1 }
            }
            // 10 a day, 5 kept for scans: the sync got 5.
            #expect(syncCalls == 5)
            #expect(stop?.reasonCode == "scan_reserve_only")
            let barcode = try harness.productWithFront()
            for _ in 0..<5 { _ = try await client.product(barcode, purpose: .scan) }
            let parked = await caught { () async throws(UpstreamError) in
                try await client.product(barcode, purpose: .scan)
            }
            #expect(parked?.reasonCode == "day_budget_spent")
            // Midnight UTC on the sandbox's clock (16:30 → 00:00: 7.5 h), on this machine's clock.
            let resume = try #require(parked?.resumeAt)
            #expect(abs(resume.timeIntervalSinceNow - 7.5 * 3600) < 5)
            #expect(harness.sandbox.ledger().filter { $0.status == 429 }.isEmpty)
            #expect(harness.sandbox.ledger().filter(\.countedForRateLimit).count == 10)
            let snapshot = await client.snapshot
            #expect(snapshot.rateLimit?.remainingDay == 0)
            #expect(snapshot.rateLimit?.limitDay == 10)
        }
    }

    @Test("A 429 with the day's budget at zero parks the client instead of retrying")
    func dayBudget429Parks() async throws {
        let sandbox = UpstreamHarness.sandboxConfiguration(requestsPerDay: 3)
        try await UpstreamHarness.run(sandbox) { harness in
            // Another process spends the day's budget.
            let other = harness.makeClient(tokens: RecordingTokenPersistence())
            for _ in 0..<3 { _ = try await other.listChanges(updatedSince: nil, page: 1, perPage: 1, purpose: .scan) }
            let first = await caught { () async throws(UpstreamError) in
                try await harness.client.listChanges(updatedSince: nil, page: 1, perPage: 1, purpose: .scan)
            }
            #expect(first?.reasonCode == "day_budget_spent")
            let requests = harness.sandbox.ledger().count
            let second = await caught { () async throws(UpstreamError) in
                try await harness.client.listChanges(updatedSince: nil, page: 1, perPage: 1, purpose: .scan)
            }
            #expect(second?.reasonCode == "day_budget_spent")
            #expect(harness.sandbox.ledger().count == requests)
            #expect(harness.ledger(.listing).filter { $0.status == 429 }.count == 1)
        }
    }

    @Test("Steady state never meets a 429: a sync across a minute boundary is paced on the server's clock")
    func noRateLimitInSteadyState() async throws {
        // The sandbox 5 s before a minute boundary, the client's clock months away from it; time
        // passes only when the client waits (pacing), and then on both clocks alike.
        let server = SandboxClock(start: SandboxTesting.start.addingTimeInterval(-5), mode: .manual)
        let local = ManualClock()
        let sandbox = UpstreamHarness.sandboxConfiguration(requestsPerMinute: 4, clock: server)
        try await UpstreamHarness.run(sandbox, clock: local.wallClock) { harness in
            try await local.passingShortWaits(upTo: .seconds(60), following: server) {
                for page in 1...5 {
                    _ = try await harness.client.listChanges(
                        updatedSince: nil, page: page, perPage: 2, purpose: .sync, deadline: .seconds(30))
                }
            }
            let listings = harness.ledger(.listing)
            #expect(listings.count == 5)
            #expect(listings.allSatisfy { $0.status == 200 })
            let minutes = Dictionary(grouping: listings) { Int($0.time.timeIntervalSince1970) / 60 }
            #expect(minutes.values.allSatisfy { $0.count <= 4 })
            let offset = try #require(await harness.client.snapshot.serverClockOffset)
            #expect(abs(offset.timeInterval - server.now().timeIntervalSince(local.now)) < 2)
        }
    }

    @Test("A scan never waits past its deadline for a busy minute: it fails fast as rate limited")
    func scanDoesNotWaitPastDeadline() async throws {
        let sandbox = UpstreamHarness.sandboxConfiguration(requestsPerMinute: 2)
        try await UpstreamHarness.run(sandbox) { harness in
            let barcode = try harness.productWithFront()
            _ = try await harness.client.product(barcode, purpose: .scan)
            _ = try await harness.client.product(barcode, purpose: .scan)
            let error = await caught { () async throws(UpstreamError) in
                try await harness.client.product(barcode, purpose: .scan, deadline: .seconds(10))
            }
            #expect(error?.reasonCode == "rate_limited")
            #expect(harness.ledger(.productGet).count == 2)
        }
    }
}
