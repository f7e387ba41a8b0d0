import Core
import Foundation
import Sandbox
import TestSupport
import Testing

@testable import Upstream

@Suite("Start, status and metrics")
struct ClientStatusTests {
    @Test("start reads /pricing; without it the contract's rates are used, with a warning")
    func startReadsPricing() async throws {
        try await UpstreamHarness.run { harness in
            await harness.client.start()
            #expect(harness.client.pricing.source == .server)
            #expect(harness.ledger(.pricing).map(\.status) == [200])
        }
        try await UpstreamHarness.run { harness in
            harness.sandbox.faults.add(FaultRule(.serverError(status: 500), target: .pricing))
            await harness.client.start()
            #expect(harness.client.pricing == .contractDefaults)
            #expect(!harness.logs.lines(containing: "cannot read /pricing").isEmpty)
            #expect(await harness.client.snapshot.auth == .ok)
        }
    }

    @Test("Status shows credits, today's spend, the rate-limit budget and the server clock's offset")
    func snapshot() async throws {
        try await UpstreamHarness.run(configure: { $0.dailyCreditLimit = Credits(50) }) { harness in
            let before = await harness.client.snapshot
            #expect(before.creditsRemaining == nil && before.rateLimit == nil && before.serverClockOffset == nil)
            await harness.client.start()
            let barcode = try harness.productWithFront()
            let fetch = try await harness.client.product(barcode, purpose: .scan)
            let snapshot = await harness.client.snapshot
            #expect(snapshot.auth == .ok)
            #expect(snapshot.creditsRemaining == Credits(10_000) - fetch.expectedCost)
            #expect(snapshot.creditsSpentToday == fetch.expectedCost)
            #expect(snapshot.dailyCreditLimit == Credits(50))
            #expect(snapshot.rateLimit?.remainingDay == 1_000_000 - 2)
            #expect(snapshot.rateLimit?.limitMinute == 100_000)
            #expect(snapshot.rateLimit?.inFlight == 0)
            let offset = try #require(snapshot.serverClockOffset)
            #expect(abs(offset.timeInterval - SandboxTesting.start.timeIntervalSinceNow) < 3)
            #expect(snapshot.lastError == nil)
        }
    }

    @Test("Metrics count calls by endpoint and status, retries, 429s, credits and the rate-limit budget")
    func metrics() async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            harness.sandbox.faults.add(FaultRule(.serverError(status: 503), target: .productGet, count: 1))
            harness.sandbox.faults.add(FaultRule(.rateLimited(retryAfter: 1), target: .productGet, count: 1))
            let fetch = try await harness.client.product(barcode, purpose: .scan)
            let m = harness.metrics
            let calls = "storesync_upstream_calls_total"
            #expect(m.value(calls, [("endpoint", "product_get"), ("status", "503")]) == 1)
            #expect(m.value(calls, [("endpoint", "product_get"), ("status", "429")]) == 1)
            #expect(m.value(calls, [("endpoint", "product_get"), ("status", "200")]) == 1)
            #expect(m.value(calls, [("endpoint", "auth_token"), ("status", "200")]) == 1)
            #expect(m.value("storesync_upstream_retries_total", [("endpoint", "product_get")]) == 1)
            #expect(m.value("storesync_upstream_rate_limited_total", [("endpoint", "product_get")]) == 1)
            #expect(
                m.value("storesync_upstream_credits_remaining") == (Credits(10_000) - fetch.expectedCost).doubleValue)
            #expect(m.value("storesync_upstream_rate_limit_remaining", [("window", "day")]) == 1_000_000 - 1)
            #expect(m.value("storesync_upstream_credits_debited_total") == fetch.expectedCost.doubleValue)
        }
    }

    @Test("A mismatch between the debited credits and the formula is logged as a warning")
    func mismatchWarning() async throws {
        try await UpstreamHarness.run { harness in
            await harness.client.start()
            let barcode = try harness.productWithFront()
            _ = try await harness.client.product(barcode, purpose: .scan)
            #expect(harness.logs.lines(containing: "different amount").isEmpty)
            // Rates changed upstream since /pricing was read: the client now expects 0.5 per scope.
            var stale = Pricing.contractDefaults
            stale.perScope = Credits(thousandths: 500)
            harness.client.credits.setPricing(stale)
            _ = try await harness.client.product(barcode, purpose: .scan)
            let warnings = harness.logs.lines(containing: "different amount")
            #expect(warnings.count == 1)
            #expect(warnings.first?.contains("expected=1.5") == true)
            #expect(warnings.first?.contains("debited=1.3") == true)
        }
    }

    @Test("An API that cannot be reached shows as unreachable and the call fails within its deadline")
    func unreachable() async throws {
        try await UpstreamHarness.run { harness in
            let nowhere = harness.makeClient(tokens: RecordingTokenPersistence()) {
                $0.baseURL = "http://127.0.0.1:1/api/v1"
            }
            let barcode = try harness.productWithFront()
            let error = await caught { () async throws(UpstreamError) in
                try await nowhere.product(barcode, purpose: .scan, deadline: .seconds(1))
            }
            #expect(error?.reasonCode == "unavailable" || error?.reasonCode == "timed_out")
            #expect(await nowhere.snapshot.auth == .unreachable)
        }
    }
}
