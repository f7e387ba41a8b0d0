import Core
import Foundation
import Sandbox
import TestSupport
import Testing

@testable import Shelf

@Suite("The issue's headline: thousands of changes through trouble")
struct ShelfHeadlineTests {
    /// One random change for `barcode`: whole the first time, then a few random fields; with the
    /// `RetaglyProductChange` it amounts to, to replay on the expected store.
    private func change(
        _ barcode: StoreBarcode, first: Bool, _ random: inout SeededRandom
    ) -> (JSONValue, RetaglyProductChange) {
        var fields: [(String, JSONValue)] = []
        var expected = RetaglyProductChange(barcode: barcode.digits)
        if first || random.chance(percent: 10) {
            let name = "Product \(barcode.digits.suffix(4)) v\(random.below(1000))"
            fields.append(("name", .string(name)))
            expected.name = name
        }
        if first || random.chance(percent: 50) {
            let price = random.price()
            fields.append(("price", .number(price.jsonLiteral)))
            expected.price = price
        }
        if random.chance(percent: 40) {
            if random.chance(percent: 15) {
                fields.append(("stock", .null))
                expected.stock = .null
            } else {
                let stock = random.below(300)
                fields.append(("stock", .int(stock)))
                expected.stock = .value(stock)
            }
        }
        if random.chance(percent: 20) {
            let flag = random.chance(percent: 50)
            fields.append(("on_sale", .bool(flag)))
            expected.onSale = flag
        }
        if random.chance(percent: 20) {
            if random.chance(percent: 30) {
                fields.append(("sale_price", .null))
                expected.salePrice = .null
            } else {
                let price = random.price()
                fields.append(("sale_price", .string(price.description)))
                expected.salePrice = .value(price)
            }
        }
        if fields.isEmpty {
            let stock = random.below(300)
            fields.append(("stock", .int(stock)))
            expected.stock = .value(stock)
        }
        return (ShelfSamples.change(barcode, fields), expected)
    }

    @Test("5,000 changes through an outage, 5xx and 429s leave Retagly as the POS last asked, with no unexcused repeat")
    func fiveThousandChanges() async throws {
        var faults = RetaglyFaults()
        faults.serverErrorRate = 0.1
        faults.rateLimitStormRate = 0.1
        faults.stormLength = 3
        faults.connectionCloseRate = 0.03
        try await ShelfTestbed.run(faults: faults, seed: 11) { testbed in
            var random = SeededRandom(seed: 2026)
            let barcodes = (1...700).map(ShelfSamples.barcode)
            var expected: [String: RetaglyProduct] = [:]
            var pending: [JSONValue] = []
            var target = 1 + random.below(200)
            var requests = 0
            let time = Date()
            for _ in 0..<5000 {
                let barcode = barcodes[random.below(barcodes.count)]
                let (json, change) = change(barcode, first: expected[barcode.digits] == nil, &random)
                pending.append(json)
                expected[barcode.digits] = change.applied(to: expected[barcode.digits], at: time)
                guard pending.count >= target else { continue }
                #expect(await testbed.send(pending).status == 202)
                pending = []
                target = 1 + random.below(requests > 25 && requests % 4 == 0 ? 20 : 200)
                requests += 1
                if requests == 6 { testbed.harness.sandbox.setDown(true) }
                if requests == 18 { testbed.harness.sandbox.setDown(false) }
                if requests > 25, requests % 2 == 0 {
                    // Later on, let the pusher catch up now and then, so small deliveries of known
                    // products (/productUpdate) and many more calls (and faults) happen too.
                    try await testbed.waitUntil("request \(requests) is delivered") { try await testbed.isDrained() }
                } else {
                    try await Task.sleep(for: .milliseconds(random.below(4)))
                }
            }
            if !pending.isEmpty { #expect(await testbed.send(pending).status == 202) }
            testbed.harness.sandbox.setDown(false)

            try await testbed.waitUntil("Retagly holds what the POS last asked for", timeout: .seconds(120)) {
                try await testbed.isDrained()
            }
            let products = testbed.harness.products
            #expect(products.count == expected.count)
            var mismatches: [String] = []
            for (barcode, want) in expected {
                guard let got = products[barcode] else {
                    mismatches.append("\(barcode) missing")
                    continue
                }
                if got.name != want.name || got.price != want.price || got.stock != want.stock
                    || got.onSale != want.onSale || got.salePrice != want.salePrice
                {
                    mismatches.append("\(barcode): got \(got.json.jsonText), want \(want.json.jsonText)")
                }
            }
            #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
            #expect(testbed.harness.unexcusedRepeats.isEmpty, "\(testbed.harness.unexcusedRepeats.prefix(3))")

            let ledger = testbed.ledger
            #expect(ledger.contains { $0.fault == .down })
            #expect(ledger.contains { $0.fault == .serverError })
            #expect(ledger.contains { $0.fault == .rateLimitStorm })
            #expect(ledger.contains { $0.endpoint == .batchComplete && $0.status == 200 })
            #expect(ledger.contains { $0.endpoint == .productUpdate && $0.status == 200 })
            let status = JSONValueEncoder.json(await testbed.outbox.status())
            #expect(status["outbox_depth"] == 0)
            #expect(status["item_errors"] == [])
        }
    }
}

extension SeededRandom {
    /// `true` with probability `percent`/100.
    fileprivate mutating func chance(percent: Int) -> Bool { below(100) < percent }
    /// A shelf price from 0.50 to 20.49.
    fileprivate mutating func price() -> Money { Money(cents: Int64(50 + below(2000))) }
}
