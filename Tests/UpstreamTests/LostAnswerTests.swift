import Core
import Foundation
import Sandbox
import Testing
import Upstream

@Suite("Lost answers: charged upstream, never re-sent at once")
struct LostAnswerTests {
    @Test(
        "A paid call whose answer is lost after charging is sent once and its credits are counted as lost",
        arguments: [LostAnswer.cutBody, .reset, .stall(.seconds(20))])
    func paidCallIsNotResent(how: LostAnswer) async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            _ = try await harness.client.balance()  // the token exchange is not what this test looks at
            harness.sandbox.faults.add(FaultRule(.lostAnswer(how), target: .productGet, count: 1))
            let error = await caught { () async throws(UpstreamError) in
                try await harness.client.product(barcode, purpose: .sync, deadline: .seconds(5))
            }
            #expect(error?.reasonCode == "answer_lost")
            let gets = harness.ledger(.productGet)
            #expect(gets.count == 1)
            #expect(gets.first?.answerLost == true)
            let charged = try #require(gets.first?.creditsDebited)
            #expect(charged > .zero)
            #expect(harness.client.creditsLost == charged)
            #expect(harness.client.answersLost == 1)
            #expect(await harness.client.snapshot.creditsLost == charged)
            #expect(harness.metrics.value("storesync_upstream_credits_lost_total") == charged.doubleValue)
            #expect(harness.metrics.value("storesync_upstream_retries_total", [("endpoint", "product_get")]) == 0)
        }
    }

    @Test("A garbled 200 of a paid call is not re-sent: the next call fetches the product once more")
    func garbledPaidAnswer() async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            harness.sandbox.faults.add(FaultRule(.malformedJSON, target: .productGet, count: 1))
            let error = await caught { () async throws(UpstreamError) in
                try await harness.client.product(barcode, purpose: .sync)
            }
            #expect(error?.reasonCode == "answer_lost")
            #expect(harness.ledger(.productGet).count == 1)
            let fetch = try await harness.client.product(barcode, purpose: .sync)
            #expect(fetch.productMeta != nil)
            #expect(harness.ledger(.productGet).count == 2)
        }
    }

    @Test("A slow but successful paid answer is waited for beyond the per-request timeout and paid once")
    func slowPaidAnswerIsNotCut() async throws {
        try await UpstreamHarness.run(configure: { $0.requestTimeout = .seconds(2) }) { harness in
            let barcode = try harness.productWithFront()
            _ = try await harness.client.balance()  // the token exchange is not what this test times
            harness.sandbox.faults.add(FaultRule(.delay(.seconds(5)), target: .productGet, count: 1))
            let fetch = try await harness.client.product(barcode, purpose: .sync)
            #expect(fetch.productMeta != nil)
            #expect(harness.ledger(.productGet).count == 1)
            #expect(harness.client.creditsLost == .zero)
        }
    }

    @Test("A bulk-check whose answer is lost is retried under the same key and replayed for free")
    func bulkCheckIsReplayed() async throws {
        try await UpstreamHarness.run { harness in
            let barcodes = harness.sandbox.products.prefix(5).compactMap { Barcode($0.barcode) }
            harness.sandbox.faults.add(FaultRule(.lostAnswer(.reset), target: .bulkCheck, count: 1))
            let result = try await harness.client.bulkCheck(
                barcodes, idempotencyKey: "storesync-lost-answer-2026-07-02", purpose: .sync)
            #expect(result.replayed)
            let checks = harness.ledger(.bulkCheck)
            #expect(checks.map(\.answerLost) == [true, false])
            #expect(checks.map(\.replayed) == [false, true])
            #expect(harness.client.creditsLost == .zero)
        }
    }

    @Test("A refused connection is never taken for a lost answer")
    func refusedConnectionIsRetried() async throws {
        try await UpstreamHarness.run(configure: { $0.baseURL = "http://127.0.0.1:1/api/v1" }) { harness in
            let barcode = try harness.productWithFront()
            let error = await caught { () async throws(UpstreamError) in
                try await harness.client.product(barcode, purpose: .sync, deadline: .seconds(2))
            }
            #expect(error != nil)
            #expect(error?.reasonCode != "answer_lost")
            #expect(harness.client.creditsLost == .zero)
        }
    }
}
