import Core
import Foundation
import MetricsTestKit
import Sandbox
import Store
import TestSupport
import Testing

@testable import Shelf

@Suite("Delivering a few changes through /add and /productUpdate")
struct ShelfDirectDeliveryTests {
    let cereal = ShelfSamples.barcode(1)
    let soap = ShelfSamples.barcode(2)
    let tea = ShelfSamples.barcode(3)

    /// Ledger entries that carried products, in order.
    private func writes(_ testbed: ShelfTestbed) -> [RetaglyLedgerEntry] {
        testbed.ledger.filter { $0.endpoint.carriesProducts }
    }

    @Test(
        "New products go through /add with names from Retail Digitals or the catalog, later changes through /productUpdate"
    )
    func addThenUpdate() async throws {
        let catalog = [
            soap.key: CatalogEntry(storeBarcode: soap, name: "CATALOG SOAP", price: ShelfSamples.money("1.99"))
        ]
        try await ShelfTestbed.run(catalog: catalog) { testbed in
            try await testbed.database.write { connection in
                try connection.saveProduct(
                    ProductRecord(
                        barcode: self.cereal.key, productMeta: #"{"product_name": "Meta Oat Rings", "brand": "Acme"}"#,
                        updatedAt: "2026-06-04T15:49:50Z", fetchedAt: UnixMillis.now(), source: .sync))
            }
            let answer = await testbed.send([
                ShelfSamples.change(cereal, [("price", 4.99)]),
                ShelfSamples.change(soap, [("stock", 5)]),
                ShelfSamples.product(tea, name: "Green Tea", price: "2.50"),
            ])
            #expect(answer.status == 202)
            try await testbed.waitUntil("the changes are delivered") { try await testbed.isDrained() }
            let products = testbed.harness.products
            #expect(products[cereal.digits]?.name == "Meta Oat Rings")
            #expect(products[cereal.digits]?.price == ShelfSamples.money("4.99"))
            #expect(products[soap.digits]?.name == "CATALOG SOAP")
            #expect(products[soap.digits]?.price == ShelfSamples.money("1.99"))
            #expect(products[soap.digits]?.stock == 5)
            #expect(products[tea.digits]?.name == "Green Tea")
            #expect(writes(testbed).map(\.endpoint) == [.add])
            #expect(writes(testbed).first?.products.count == 3)

            await testbed.send([ShelfSamples.change(cereal, [("price", 5.49), ("name", "Meta Oat Rings")])])
            try await testbed.waitUntil("the update is delivered") { try await testbed.isDrained() }
            #expect(testbed.harness.products[cereal.digits]?.price == ShelfSamples.money("5.49"))
            let last = try #require(writes(testbed).last)
            #expect(last.endpoint == .productUpdate)
            #expect(last.status == 200)
            #expect(last.products == [RetaglyProductChange(barcode: cereal.digits, price: ShelfSamples.money("5.49"))])
            let counter = try testbed.metrics.expectCounter(
                "storesync_shelf_requests_total", [("endpoint", "productUpdate"), ("status", "200")])
            #expect(counter.totalValue == 1)
        }
    }

    @Test("Several changes to one barcode coalesce into one delivery of the last value of each field")
    func coalesces() async throws {
        try await ShelfTestbed.run(startPusher: false) { testbed in
            await testbed.send([ShelfSamples.product(cereal, name: "Oat Rings", price: "4.99", stock: 10)])
            await testbed.send([ShelfSamples.change(cereal, [("price", 4.49), ("on_sale", true)])])
            await testbed.send([ShelfSamples.change(cereal, [("stock", .null), ("sale_price", "3.99")])])
            await testbed.send([ShelfSamples.change(cereal, [("price", "4.59")])])
            try await withThrowingTaskGroup(of: Void.self) { group in
                let pusher = testbed.makePusher()
                group.addTask { try await pusher.run() }
                defer { group.cancelAll() }
                try await testbed.waitUntil("the product is delivered") { try await testbed.isDrained() }
            }
            let product = try #require(testbed.harness.products[cereal.digits])
            #expect(product.name == "Oat Rings")
            #expect(product.price == ShelfSamples.money("4.59"))
            #expect(product.stock == nil)
            #expect(product.onSale)
            #expect(product.salePrice == ShelfSamples.money("3.99"))
            #expect(testbed.harness.sandbox.writes(token: RetaglyHarness.token).count == 1)
            #expect(writes(testbed).count == 1)
        }
    }

    @Test("A change that leaves the shelf as it is is not sent again, and only changed fields are")
    func unchangedNotResent() async throws {
        try await ShelfTestbed.run { testbed in
            await testbed.send([ShelfSamples.product(cereal, name: "Oat Rings", price: "4.99", stock: 3)])
            try await testbed.waitUntil("the product is delivered") { try await testbed.isDrained() }
            await testbed.send([ShelfSamples.product(cereal, name: "Oat Rings", price: "4.99", stock: 3)])
            await testbed.send([ShelfSamples.change(cereal, [("price", "4.99"), ("on_sale", false)])])
            try await testbed.waitUntil("the repeats are settled") {
                try await testbed.database.read { try $0.pendingShelfChanges(limit: 10).isEmpty }
            }
            #expect(writes(testbed).count == 1)
            await testbed.send([ShelfSamples.product(cereal, name: "Oat Rings", price: "5.10", stock: 3)])
            try await testbed.waitUntil("the new price is delivered") { writes(testbed).count == 2 }
            #expect(
                writes(testbed).last?.products == [
                    RetaglyProductChange(barcode: cereal.digits, price: ShelfSamples.money("5.10"))
                ])
            #expect(testbed.harness.unexcusedRepeats.isEmpty)
        }
    }

    @Test("A product Retagly lost is sent again whole through /add after /productUpdate refuses it")
    func lostProductSentWhole() async throws {
        try await ShelfTestbed.run { testbed in
            let delivered = ShelfFields(
                name: "Oat Rings", price: Money(cents: 499), stock: .value(2), onSale: false, salePrice: .null)
            try await testbed.database.write { connection in
                try connection.recordShelfDelivery(
                    self.cereal, delivered: delivered.storedJSON.jsonText, through: 0, at: UnixMillis.now())
            }
            await testbed.send([ShelfSamples.change(cereal, [("price", "3.99")])])
            try await testbed.waitUntil("the product is delivered") { try await testbed.isDrained() }
            #expect(writes(testbed).map(\.endpoint) == [.productUpdate, .add])
            #expect(writes(testbed).map(\.status) == [400, 200])
            let product = try #require(testbed.harness.products[cereal.digits])
            #expect(product.name == "Oat Rings")
            #expect(product.price == ShelfSamples.money("3.99"))
            #expect(product.stock == 2)
        }
    }
}
