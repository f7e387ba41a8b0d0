import Core
import Foundation
import Sandbox
import TestSupport
import Testing

@testable import Upstream

/// The three answers that used to kill `storesync serve` with a trap at every start, sent by the
/// sandbox over real loopback HTTP to a running client: each is now a clear error or a clamped value.
@Suite("Hostile numbers from a running upstream")
struct HostileUpstreamTests {
    @Test("A pricing rate of 1e19 is a clear upstream error, not a crash")
    func pricingRateOf1e19() async throws {
        try await UpstreamHarness.run { harness in
            harness.sandbox.faults.add(
                FaultRule(.bodyField(path: ["actions", "products.get"], literal: "1e19"), target: .pricing))
            let error = await caught { () async throws(UpstreamError) in try await harness.client.fetchPricing() }
            #expect(error?.reasonCode == "bad_response")
            let message = "\(error.map { "\($0)" } ?? "")"
            #expect(message.contains("`actions.products.get` is out of range"), "\(message)")
            #expect(message.contains("1e19"), "\(message)")
            // At start the daemon falls back to the contract's rates and says why, once.
            await harness.client.start()
            #expect(harness.client.pricing == .contractDefaults)
            let warnings = harness.logs.lines(containing: "cannot read /pricing")
            #expect(warnings.count == 1)
            #expect(warnings.first?.contains("actions.products.get") == true, "\(warnings)")
            #expect(harness.ledger(.pricing).allSatisfy { $0.status == 200 && $0.fault == "body_field" })
        }
    }

    @Test("An X-Credits-Remaining of 10^16 is ignored with one warning naming the header, not a crash")
    func creditsRemainingOf1e16() async throws {
        try await UpstreamHarness.run { harness in
            harness.sandbox.faults.add(
                FaultRule(.header(name: "X-Credits-Remaining", value: "10000000000000000"), target: .productGet))
            let first = try harness.productWithFront()
            let second = try harness.productWithFront(excluding: [first.digits])
            let fetched = [
                try await harness.client.product(first, purpose: .sync),
                try await harness.client.product(second, purpose: .sync),
            ]
            let snapshot = await harness.client.snapshot
            #expect(snapshot.creditsRemaining == nil, "the hostile balance was not taken in")
            // What was debited (a sane header) is still counted.
            #expect(snapshot.creditsSpentToday == fetched[0].expectedCost + fetched[1].expectedCost)
            let lines = harness.logs.lines(containing: "header=X-Credits-Remaining")
            #expect(lines.count == 2)
            #expect(lines.filter { $0.hasPrefix("warning ") }.count == 1, "\(lines)")
            #expect(lines.first?.contains("is out of range") == true, "\(lines)")
        }
    }

    @Test("A 429 with Retry-After 1e300 is clamped to a day and fails the call as rate limited, not a crash")
    func retryAfterOf1e300() async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            _ = try await harness.client.balance()  // the token exchange is not what this test is about
            harness.sandbox.faults.add(FaultRule(.rateLimited(retryAfter: 1), target: .productGet, count: 1))
            harness.sandbox.faults.add(
                FaultRule(.header(name: "Retry-After", value: "1e300"), target: .productGet, count: 1))
            let before = Date()
            let error = await caught { () async throws(UpstreamError) in
                try await harness.client.product(barcode, purpose: .scan, deadline: .seconds(30))
            }
            #expect(error?.reasonCode == "rate_limited")
            let resumeAt = try #require(error?.resumeAt)
            #expect(resumeAt > before.addingTimeInterval(86_400 - 60), "blocked for about a day: \(resumeAt)")
            #expect(resumeAt < Date().addingTimeInterval(86_400 + 60), "blocked for at most a day: \(resumeAt)")
            #expect(harness.ledger(.productGet).map(\.status) == [429])
            let lines = harness.logs.lines(containing: "header=Retry-After")
            #expect(lines.count == 1 && lines[0].hasPrefix("warning "), "\(lines)")
            #expect(lines.first?.contains("1d is used") == true, "\(lines)")
        }
    }
}
