import Core
import Foundation
import Sandbox
import TestSupport
import Testing

/// The barcode a store uses, through the whole daemon: scans of 8-digit codes find the product
/// upstream keys, and shelf changes reach Retagly under the store's own digits.
@Suite("Barcode identity through a running daemon")
struct BarcodeIdentityTests {
    @Test(
        "A scan of an ambiguous 8-digit code finds its product either way upstream keys it; a miss pays once, the 404 is free"
    )
    func ambiguousScans() async throws {
        try await RealTimeWorld.run(catalog: { _ in "barcode,name,price\n" }) { world in
            let codes = world.sandbox.ambiguousCodes
            let ean8 = try #require(codes.filter(\.isEAN8).first)
            let upcA = try #require(codes.filter({ !$0.isEAN8 && $0.code.hasPrefix("1") }).first)
            for code in [ean8, upcA] {
                let mark = world.sandbox.ledger().count
                let first = try await world.get("/v1/products/\(code.code)")
                #expect(first.status == 200)
                #expect(first.json?["source"] == "live")
                #expect(first.json?["barcode"]?.stringValue == code.barcode)
                let gets = world.ledger(.productGet, from: mark)
                #expect(gets.filter { $0.creditsDebited > .zero }.map(\.barcode) == [code.barcode])
                if code.isEAN8 {
                    #expect(gets.count == 1)
                } else {
                    #expect(gets.map(\.barcode) == [code.code, code.barcode])
                    #expect(gets.first?.status == 404 && gets.first?.creditsDebited == .zero)
                }
                let again = try await world.get("/v1/products/\(code.code)")
                #expect(again.json?["source"] == "cache")
                #expect(again.json?["barcode"]?.stringValue == code.barcode)
                #expect(world.ledger(.productGet, from: mark).count == gets.count, "the second scan is a cache hit")
            }
        }
    }

    @Test(
        "A UPC-E scan finds its UPC-A product, and shelf changes reach Retagly under the store's digits with their unit"
    )
    func upcEScanAndShelf() async throws {
        try await RealTimeWorld.run(catalog: { _ in "barcode,name,price,unit\n" }) { world in
            // 12346008 is the UPC-E of 123000004608 and no valid EAN-8.
            let apples = try #require(world.sandbox.addProduct(barcode: "123000004608", variants: [.front]))
            let tea = try #require(world.sandbox.ambiguousCodes.filter({ !$0.isEAN8 && $0.code.hasPrefix("1") }).first)
            let scan = try await world.get("/v1/products/12346008")
            #expect(scan.status == 200)
            #expect(scan.json?["barcode"]?.stringValue == apples.barcode)
            #expect(world.ledger(.productGet).map(\.barcode) == [apples.barcode])
            #expect(try await world.get("/v1/products/\(tea.code)").json?["barcode"]?.stringValue == tea.barcode)

            let posted = try await world.post(
                "/v1/shelf/products",
                [
                    "products": [
                        ["barcode": "12346008", "name": "Apples", "price": .number("2.49"), "unit": "kg"],
                        ["barcode": .string(tea.code), "price": .number("1.25"), "unit": "lb"],
                    ]
                ])
            #expect(posted.status == 202)
            try await eventually("Retagly to hold both products") { world.shelf.count == 2 }
            let shelf = world.shelf
            #expect(Set(shelf.keys) == ["12346008", tea.code])
            #expect(shelf["12346008"]?.unit == "kg")
            // New to Retagly without a name: Retail Digitals' name of the product the code resolved to.
            #expect(shelf[tea.code]?.name == world.sandbox.product(tea.barcode)?.productName)
            #expect(shelf[tea.code]?.unit == "lb")
        }
    }
}
