import Core
import Foundation
import Sandbox
import Store
import TestSupport
import Testing

@testable import Shelf

@Suite("Products that cannot be delivered")
struct ShelfItemErrorTests {
    @Test("A new product with no name anywhere is kept as an item error in status until the POS sends its name")
    func keptUntilNewChange() async throws {
        let nameless = ShelfSamples.barcode(10)
        let fine = ShelfSamples.barcode(11)
        try await ShelfTestbed.run { testbed in
            await testbed.send([
                ShelfSamples.change(nameless, [("stock", 4)]), ShelfSamples.product(fine, name: "Soap", price: "1.00"),
            ])
            try await testbed.waitUntil("the good product is delivered and the other held back") {
                try await testbed.isDrained() && testbed.harness.products[fine.digits] != nil
            }
            var status = JSONValueEncoder.json(await testbed.outbox.status())
            #expect(status["outbox_depth"] == 0)
            #expect(status["blocked"] == 1)
            let errors = try #require(status["item_errors"]?.arrayValue)
            #expect(errors.count == 1)
            #expect(errors.first?["barcode"] == .string(nameless.digits))
            #expect(errors.first?["message"]?.stringValue?.contains("name and price") == true)
            #expect(errors.first?["at"]?.stringValue != nil)
            #expect(testbed.harness.products[nameless.digits] == nil)
            // A later round delivers another product and leaves the held-back one out: it is not
            // retried on its own.
            let requests = testbed.ledger.count
            let later = ShelfSamples.barcode(12)
            await testbed.send([ShelfSamples.product(later, name: "Later", price: "3.00")])
            try await testbed.waitUntil("the later product is delivered") {
                testbed.harness.products[later.digits] != nil
            }
            let since = testbed.ledger.dropFirst(requests)
            #expect(!since.isEmpty)
            #expect(
                since.allSatisfy { !$0.products.contains { $0.barcode == nameless.digits } },
                "a held-back product is not retried on its own")
            #expect(await testbed.outbox.status().blocked == 1)

            await testbed.send([ShelfSamples.change(nameless, [("name", "Found Name"), ("price", "2.00")])])
            try await testbed.waitUntil("the product is delivered") { testbed.harness.products[nameless.digits] != nil }
            #expect(testbed.harness.products[nameless.digits]?.stock == 4)
            try await testbed.waitUntil("the error is cleared") {
                let status = JSONValueEncoder.json(await testbed.outbox.status())
                return status["item_errors"] == [] && status["blocked"] == 0
            }
            status = JSONValueEncoder.json(await testbed.outbox.status())
            #expect(status["outbox_depth"] == 0)
        }
    }
}
