import Core
import Foundation
import Sandbox
import TestSupport
import Testing

@testable import Upstream

/// Hostile numbers in other answers of a running upstream (tokens, listing, balance): each call
/// fails with an error that names the field, and the client keeps working.
@Suite("Hostile numbers in upstream answers")
struct HostileAnswerTests {
    @Test("A token answer with expires_in of 1e300 is refused naming the field, and nothing is saved")
    func expiresInOf1e300() async throws {
        try await UpstreamHarness.run { harness in
            harness.sandbox.faults.add(FaultRule(.bodyField(path: ["expires_in"], literal: "1e300"), target: .token))
            let error = await caught { () async throws(UpstreamError) in
                try await harness.client.balance(deadline: .seconds(30))
            }
            #expect(error?.reasonCode == "bad_response")
            #expect("\(error.map { "\($0)" } ?? "")".contains("`expires_in` is out of range (expected 1…31536000)"))
            #expect(harness.savedAccessToken == nil)
            // Once upstream answers sanely again, the client recovers.
            harness.sandbox.faults.clear()
            _ = try await harness.client.balance()
            #expect(harness.savedAccessToken != nil)
        }
    }

    @Test(
        "A listing whose pagination is out of Int32 is a clear upstream error naming the field",
        arguments: [("total_pages", "1e300"), ("total", "-1"), ("page", "9223372036854775808"), ("per_page", "0.5")])
    func hostilePagination(field: String, literal: String) async throws {
        try await UpstreamHarness.run { harness in
            harness.sandbox.faults.add(
                FaultRule(.bodyField(path: ["pagination", field], literal: literal), target: .listing))
            let error = await caught { () async throws(UpstreamError) in
                try await harness.client.listChanges(updatedSince: nil, page: 1, purpose: .sync)
            }
            #expect(error?.reasonCode == "bad_response")
            #expect("\(error.map { "\($0)" } ?? "")".contains("`pagination.\(field)`"))
            #expect(harness.ledger(.listing).count == 1, "a contract break is not retried")
        }
    }

    @Test("A balance of 10^16 credits is refused naming credit_balance; a sane one is then taken in")
    func hostileBalance() async throws {
        try await UpstreamHarness.run { harness in
            harness.sandbox.faults.add(
                FaultRule(
                    .bodyField(path: ["credit_balance"], literal: "10000000000000000"), target: .balance, count: 1))
            let error = await caught { () async throws(UpstreamError) in try await harness.client.balance() }
            #expect("\(error.map { "\($0)" } ?? "")".contains("`credit_balance` is out of range"))
            let balance = try await harness.client.balance()
            #expect(balance == Credits(10_000))
        }
    }
}
