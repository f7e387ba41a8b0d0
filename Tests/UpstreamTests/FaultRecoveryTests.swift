import Core
import Foundation
import Sandbox
import Synchronization
import TestSupport
import Testing
import Upstream

@Suite("Surviving a hostile network")
struct FaultRecoveryTests {
    @Test("A 429 storm is waited out through Retry-After and the product is charged once")
    func rateLimitStorm() async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            harness.sandbox.faults.add(FaultRule(.rateLimited(retryAfter: 1), target: .productGet, count: 2))
            let fetch = try await harness.client.product(barcode, purpose: .sync)
            let gets = harness.ledger(.productGet)
            #expect(gets.map(\.status) == [429, 429, 200])
            #expect(gets.map(\.creditsDebited) == [.zero, .zero, fetch.expectedCost])
            #expect(harness.metrics.value("storesync_upstream_rate_limited_total", [("endpoint", "product_get")]) == 2)
        }
    }

    @Test("A 429 storm longer than the call's deadline fails as rate limited without charges")
    func rateLimitBeyondDeadline() async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            _ = try await harness.client.balance()  // the token exchange is not what this test times
            harness.sandbox.faults.add(FaultRule(.rateLimited(retryAfter: 30), target: .productGet))
            let error = await caught { () async throws(UpstreamError) in
                try await harness.client.product(barcode, purpose: .scan, deadline: .seconds(10))
            }
            #expect(error?.reasonCode == "rate_limited")
            #expect(harness.ledger(.productGet).count == 1)
            #expect(harness.creditsDebited == .zero)
        }
    }

    @Test("A burst of 5xx is retried with backoff and the product is charged once", arguments: [500, 502, 503, 504])
    func serverErrorBurst(status: Int) async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            harness.sandbox.faults.add(FaultRule(.serverError(status: status), target: .productGet, count: 3))
            let fetch = try await harness.client.product(barcode, purpose: .sync)
            #expect(harness.ledger(.productGet).map(\.status) == [status, status, status, 200])
            #expect(harness.creditsDebited == fetch.expectedCost)
            #expect(harness.metrics.value("storesync_upstream_retries_total", [("endpoint", "product_get")]) == 3)
        }
    }

    @Test("5xx that never end fail as unavailable within the deadline, with nothing charged")
    func endlessServerErrors() async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            harness.sandbox.faults.add(FaultRule(.serverError(status: 503), target: .productGet))
            let error = await caught { () async throws(UpstreamError) in
                try await harness.client.product(barcode, purpose: .sync, deadline: .seconds(30))
            }
            #expect(error?.reasonCode == "unavailable")
            // The harness allows six attempts; their backoff (5–50 ms) fits the deadline on an idle
            // machine, a loaded one may manage fewer, never more, and always retries.
            #expect((2...6).contains(harness.ledger(.productGet).count))
            #expect(harness.creditsDebited == .zero)
            #expect(await harness.client.snapshot.lastError?.contains("unavailable") == true)
        }
    }

    @Test(
        "Cut bodies, garbled JSON and dropped connections of a free call are retried at once",
        arguments: [Fault.truncatedBody, .malformedJSON, .closeConnection])
    func brokenAnswers(fault: Fault) async throws {
        try await UpstreamHarness.run { harness in
            harness.sandbox.faults.add(FaultRule(fault, target: .listing, count: 2))
            let page = try await harness.client.listChanges(updatedSince: nil, page: 1, perPage: 10, purpose: .sync)
            let listings = harness.ledger(.listing)
            #expect(listings.count == 3)
            #expect(listings.filter(\.injected).count == 2)
            #expect(page.items.count == 10)
        }
    }

    @Test("Faults on the token exchange are retried; the session starts once")
    func tokenExchangeFaults() async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            harness.sandbox.faults.add(FaultRule(.serverError(status: 503), target: .token, count: 2))
            harness.sandbox.faults.add(FaultRule(.closeConnection, target: .token, count: 1))
            _ = try await harness.client.product(barcode, purpose: .sync)
            #expect(harness.ledger(.token).filter { $0.status == 200 }.count == 1)
        }
    }

    @Test("A refresh with no clear answer is never sent again: the client uses its credentials")
    func refreshWithUnknownOutcome() async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            _ = try await harness.client.product(barcode, purpose: .sync)
            harness.sandbox.faults.add(FaultRule(.closeConnection, target: .refresh, count: 1))
            harness.sandbox.clock.advance(by: .seconds(3601))
            _ = try await harness.client.product(barcode, purpose: .sync)
            #expect(harness.ledger(.refresh).count == 1)
            #expect(harness.ledger(.token).filter { $0.status == 200 }.count == 2)
            #expect(!harness.sandbox.ledger().contains { $0.errorCode == "refresh_token_reused" })
        }
    }

    @Test("A slow answer past the per-request timeout is retried within the call's deadline")
    func slowAnswer() async throws {
        // Margins a loaded machine cannot eat: an answer held a minute, a 5 s timeout, a minute's deadline.
        try await UpstreamHarness.run(configure: {
            $0.requestTimeout = .seconds(5)
            $0.callDeadline = .seconds(60)
        }) { harness in
            let barcode = try harness.productWithFront()
            harness.sandbox.faults.add(FaultRule(.delay(.seconds(60)), target: .listing, count: 1))
            let page = try await harness.client.listChanges(updatedSince: nil, page: 1, perPage: 10, purpose: .sync)
            #expect(page.items.count == 10)
            #expect(harness.ledger(.listing).count == 2)
            _ = barcode
        }
    }

    @Test("A caller that gives up (task cancelled) gets cancelled back, not a hang or a retry")
    func cancellation() async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            _ = try await harness.client.listChanges(updatedSince: nil, page: 1, perPage: 1, purpose: .scan)
            harness.sandbox.faults.add(FaultRule(.delay(.seconds(60)), target: .productGet, count: 1))
            let sent = Mutex(false)
            harness.sandbox.setRequestHook { info in
                if info.endpoint == .productGet { sent.withLock { $0 = true } }
            }
            let client = harness.client
            let call = Task {
                await caught { () async throws(UpstreamError) in try await client.product(barcode, purpose: .scan) }
            }
            // Cancelled while its request waits on the server's delay.
            try await eventually("the product request to reach the sandbox") { sent.withLock { $0 } }
            call.cancel()
            #expect(await call.value == .cancelled)
            #expect(harness.metrics.value("storesync_upstream_retries_total", [("endpoint", "product_get")]) == 0)
        }
    }
}
