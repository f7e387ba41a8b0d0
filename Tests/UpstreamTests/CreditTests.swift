import Core
import Foundation
import Sandbox
import TestSupport
import Testing
import Upstream

@Suite("Credits: costs, the daily cap, 402")
struct CreditTests {
    static let includes: [[IncludeScope]] = [[.productMeta, .imageMeta, .images], [.productMeta], [.images]]
    static let variantSets: [[ImageVariant]] = [ImageVariant.allCases, [.front], [.front, .back]]

    @Test("The nine include × variants shapes cost what the formula says and what the ledger debits")
    func costMatrix() async throws {
        try await UpstreamHarness.run { harness in
            let products = harness.sandbox.products.filter { !(Barcode($0.barcode)?.isInStore ?? true) }
            // A product with every variant and one with front only, so missing variants are covered.
            let full = try #require(products.first { $0.variants.count == 4 })
            let partial = try #require(products.first { $0.variants.count < 4 && $0.variants.contains(.front) })
            for product in [full, partial] {
                let barcode = try #require(Barcode(product.barcode))
                for include in Self.includes {
                    for variants in Self.variantSets {
                        let before = harness.sandbox.ledger().count
                        let fetch = try await harness.client.product(
                            barcode, purpose: .sync, include: include, variants: variants, available: product.variants)
                        let planned = harness.client.expectedCost(
                            include: include, variants: variants, available: product.variants)
                        let entries = harness.sandbox.ledger().dropFirst(before).filter {
                            $0.endpoint == SandboxEndpoint.productGet.rawValue
                        }
                        #expect(entries.map(\.creditsDebited) == [planned], "\(include) × \(variants)")
                        #expect(fetch.creditsDebited == planned)
                        #expect(fetch.expectedCost == planned)
                        #expect(
                            Set(fetch.variants)
                                == Set(variants).intersection(include.contains(.images) ? product.variants : []))
                    }
                }
            }
            #expect(harness.logs.lines(containing: "different amount").isEmpty)
            #expect(harness.spend.all.values.reduce(.zero, +) == harness.creditsDebited)
        }
    }

    @Test("include= and variants= are always sent, the configured ones by default")
    func parametersAlwaysSent() async throws {
        try await UpstreamHarness.run { harness in
            let barcode = try harness.productWithFront()
            _ = try await harness.client.product(barcode, purpose: .scan)
            let entry = try #require(harness.ledger(.productGet).first)
            #expect(entry.path.contains("include=product_meta,images"))
            #expect(entry.path.contains("variants=front"))
        }
    }

    @Test("The daily credit cap is never crossed, even by concurrent calls")
    func dailyCap() async throws {
        try await UpstreamHarness.run(configure: { $0.dailyCreditLimit = Credits(3) }) { harness in
            let barcodes = harness.sandbox.products.filter { $0.variants.contains(.front) }
                .compactMap { Barcode($0.barcode) }.filter { !$0.isInStore }
            let client = harness.client
            let errors = await withTaskGroup(of: UpstreamError?.self) { group in
                for barcode in barcodes.prefix(8) {
                    group.addTask {
                        await caught { () async throws(UpstreamError) in
                            try await client.product(barcode, purpose: .sync, available: [.front])
                        }
                    }
                }
                return await group.reduce(into: [UpstreamError?]()) { $0.append($1) }
            }
            // 1.3 credits each: two fit under 3, the third would cross it.
            #expect(errors.filter { $0 == nil }.count == 2)
            #expect(errors.compactMap { $0?.reasonCode }.allSatisfy { $0 == "credit_cap_reached" })
            #expect(harness.creditsDebited == Credits(thousandths: 2600))
            let snapshot = await harness.client.snapshot
            #expect(snapshot.creditsSpentToday == Credits(thousandths: 2600))
            #expect(harness.spend.all.values.reduce(.zero, +) == Credits(thousandths: 2600))
            // Free calls go on.
            _ = try await harness.client.listChanges(updatedSince: nil, page: 1, perPage: 5, purpose: .sync)
        }
    }

    @Test("The cap counts what the ledger already holds for the day (a restart keeps it)")
    func capSurvivesRestart() async throws {
        try await UpstreamHarness.run(configure: { $0.dailyCreditLimit = Credits(2) }) { harness in
            let barcode = try harness.productWithFront()
            _ = try await harness.client.product(barcode, purpose: .sync, available: [.front])
            // Before its first answer the client does not know the server's clock: the estimate may
            // be reserved on the local day and then moves to the server's (leaving a zero there).
            let day = try #require(harness.spend.all.first { $0.value != .zero }?.key)
            #expect(day == "2026-07-02")
            let restarted = RetailDigitalsClient(
                configuration: harness.configuration, httpClient: SandboxTestClient.http, tokens: harness.tokens,
                spend: harness.spend, logger: harness.logs.logger(), metrics: RecordingMetrics())
            await restarted.start()  // reads /pricing, and with it the server's clock (and so its UTC day)
            let error = await caught { () async throws(UpstreamError) in
                try await restarted.product(barcode, purpose: .sync, available: [.front])
            }
            #expect(error?.reasonCode == "credit_cap_reached")
            #expect(harness.ledger(.productGet).count == 1)
        }
    }

    @Test("402 stops paid calls at once until the balance shows a top-up")
    func insufficientCredits() async throws {
        let sandbox = UpstreamHarness.sandboxConfiguration(credits: Credits(thousandths: 500))
        try await UpstreamHarness.run(sandbox) { harness in
            let barcode = try harness.productWithFront()
            let first = await caught { () async throws(UpstreamError) in
                try await harness.client.product(barcode, purpose: .scan)
            }
            #expect(first == .insufficientCredits)
            let requests = harness.sandbox.ledger().count
            let second = await caught { () async throws(UpstreamError) in
                try await harness.client.product(barcode, purpose: .scan)
            }
            #expect(second == .insufficientCredits)
            #expect(harness.sandbox.ledger().count == requests)
            #expect(await harness.client.snapshot.paidCallsStopped)
            // Free calls still go.
            _ = try await harness.client.listChanges(updatedSince: nil, page: 1, perPage: 5, purpose: .sync)
            #expect(try await harness.client.balance() == Credits(thousandths: 500))
            #expect(await harness.client.snapshot.paidCallsStopped)
            harness.sandbox.setCredits(UpstreamHarness.clientID, Credits(100))
            #expect(try await harness.client.balance() == Credits(100))
            let fetch = try await harness.client.product(barcode, purpose: .scan)
            #expect(harness.ledger(.productGet).map(\.status) == [402, 200])
            #expect(harness.creditsDebited == fetch.expectedCost)
            #expect(await harness.client.snapshot.creditsRemaining == Credits(100) - fetch.expectedCost)
        }
    }

    @Test("A bulk-check retried under the same key is replayed for free")
    func bulkCheckReplay() async throws {
        try await UpstreamHarness.run { harness in
            let known = harness.sandbox.barcodes.compactMap { Barcode($0) }.filter { !$0.isInStore }.prefix(5)
            let unknown = try #require(Barcode("4006381333931"))
            let barcodes = Array(known) + [unknown]
            let key = "storesync-test-2026-07-02-0001"
            let first = try await harness.client.bulkCheck(barcodes, idempotencyKey: key, purpose: .sync)
            let again = try await harness.client.bulkCheck(barcodes, idempotencyKey: key, purpose: .sync)
            #expect(!first.replayed && again.replayed)
            #expect(first.creditsDebited == Credits(thousandths: 60))
            #expect(again.creditsDebited == .zero)
            #expect(first[unknown]?.exists == false)
            #expect(known.allSatisfy { first[$0]?.exists == true })
            #expect(harness.creditsDebited == Credits(thousandths: 60))
            let error = await caught { () async throws(UpstreamError) in
                try await harness.client.bulkCheck(Array(barcodes.dropLast()), idempotencyKey: key, purpose: .sync)
            }
            #expect(error == .badRequest("409 idempotency_key_mismatch"))
        }
    }

    @Test("An unknown barcode costs nothing and is not retried")
    func notFound() async throws {
        try await UpstreamHarness.run { harness in
            let unknown = try #require(Barcode("4006381333931"))
            let error = await caught { () async throws(UpstreamError) in
                try await harness.client.product(unknown, purpose: .scan)
            }
            #expect(error == .notFound)
            #expect(harness.ledger(.productGet).count == 1)
            #expect(harness.creditsDebited == .zero)
        }
    }

    @Test("A store-internal barcode never reaches upstream")
    func inStoreNeverSent() async throws {
        try await UpstreamHarness.run { harness in
            let inStore = try #require(Barcode("200000000004"))
            #expect(inStore.isInStore)
            let error = await caught { () async throws(UpstreamError) in
                try await harness.client.product(inStore, purpose: .scan)
            }
            #expect(error == .notFound)
            #expect(harness.sandbox.ledger().isEmpty)
        }
    }
}
