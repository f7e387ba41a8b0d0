import Core
import Foundation
import Sandbox
import Store
import TestSupport
import Testing

@testable import Shelf

/// What Retagly receives: the barcode digits the store uses (never the canonical UPC-A they read as)
/// and the selling unit, from the socket and from the store catalog.
@Suite("Shelf push: the store's own barcode and Retagly's unit")
struct ShelfIdentityTests {
    /// `12346008` is the UPC-E of `123000004608` (and no EAN-8); `11234562` is an EAN-8 whose digits
    /// are also the UPC-E of `112345000062`.
    static let upcE = "12346008"
    static let ambiguous = "11234562"

    @Test("Changes from the socket reach Retagly under the 8 digits the POS sent, with their unit")
    func socketChanges() async throws {
        try await ShelfTestbed.run { testbed in
            // The product behind the ambiguous code is cached under its UPC-A reading: its name comes from there.
            try await testbed.database.write { connection in
                try connection.saveProduct(
                    ProductRecord(
                        barcode: Barcode("112345000062")!, productMeta: #"{"product_name": "Meta Tea"}"#,
                        updatedAt: "2026-06-04T15:49:50Z", fetchedAt: UnixMillis.now(), source: .sync))
            }
            let answer = await testbed.send([
                ["barcode": .string(Self.ambiguous), "price": 3, "unit": "box"],
                ["barcode": .string(Self.upcE), "name": "Apples", "price": .number("2.49"), "unit": "kg"],
            ])
            #expect(answer.status == 202)
            try await testbed.waitUntil("the changes are delivered") { try await testbed.isDrained() }
            var products = testbed.harness.products
            #expect(Set(products.keys) == [Self.ambiguous, Self.upcE])
            #expect(products[Self.ambiguous]?.name == "Meta Tea")
            #expect(products[Self.ambiguous]?.unit == "box")
            #expect(products[Self.upcE]?.unit == "kg")

            await testbed.send([["barcode": .string(Self.upcE), "unit": "lb"]])
            try await testbed.waitUntil("the unit change is delivered") { try await testbed.isDrained() }
            products = testbed.harness.products
            #expect(products[Self.upcE]?.unit == "lb")
            let update = testbed.ledger.last { $0.endpoint == .productUpdate }
            #expect(update?.products == [RetaglyProductChange(barcode: Self.upcE, unit: "lb")])
        }
    }

    @Test("The daily full push sends each catalog row under its own digits, with the unit column")
    func fullPushFromCSV() async throws {
        let csv =
            "barcode,name,price,unit\n\(Self.upcE),Apples,2.49,kg\n\(Self.ambiguous),Tea,3.00,\n"
            + "017000161563,Cereal,4.99,each\n"
        let catalog = try CatalogCSV.parse(Array(csv.utf8)).entries
        try await ShelfTestbed.run(startPusher: false) { testbed in
            let pusher = testbed.makePusher(catalog: catalog)
            #expect(try await pusher.queueFullPush() == 3)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await pusher.run() }
                defer { group.cancelAll() }
                try await testbed.waitUntil("the catalog is delivered") { try await testbed.isDrained() }
            }
            let products = testbed.harness.products
            #expect(Set(products.keys) == [Self.upcE, Self.ambiguous, "017000161563"])
            #expect(products[Self.upcE]?.name == "Apples" && products[Self.upcE]?.unit == "kg")
            #expect(products[Self.ambiguous]?.unit == RetaglyProduct.defaultUnit)
            #expect(products["017000161563"]?.unit == "each")
            // Unchanged, the catalog sends nothing again.
            #expect(try await pusher.queueFullPush() == 0)
        }
    }
}
