import Core
import Foundation
import Sandbox
import TestSupport
import Testing

@Suite("Retail Digitals sandbox: the generated catalog and its changes")
struct SandboxCatalogTests {
    func sandbox(products: Int = 300, seed: UInt64 = 1) -> Sandbox {
        Sandbox(
            configuration: SandboxTesting.configuration(products: products, seed: seed), logger: SandboxTesting.logger)
    }

    @Test("The same size, seed and clock start give the same catalog; another seed another one")
    func deterministic() {
        let first = sandbox().products
        #expect(first == sandbox().products)
        #expect(first.count == 300)
        let other = sandbox(seed: 2).products
        #expect(Set(other.map(\.barcode)) != Set(first.map(\.barcode)))
    }

    @Test("Barcodes are canonical with valid check digits, never in-store, mostly UPC-A with some EAN-13 and EAN-8")
    func barcodes() throws {
        let catalog = sandbox(products: 1000)
        let products = catalog.products
        let ambiguous = Set(catalog.ambiguousCodes.map(\.code))
        var counts: [Barcode.Symbology: Int] = [:]
        for product in products {
            let barcode = try #require(Barcode(product.barcode))
            #expect(barcode.digits == product.barcode)
            #expect(!barcode.isInStore)
            counts[barcode.symbology, default: 0] += 1
            if barcode.symbology == .ean13 { #expect(product.barcode.first != "0" && product.barcode.first != "2") }
            if barcode.symbology == .ean8 {
                #expect(("3"..."9").contains(product.barcode.first!) || ambiguous.contains(product.barcode))
            }
        }
        #expect(Set(products.map(\.barcode)).count == products.count)
        #expect(counts[.upcA, default: 0] > 700)
        #expect(counts[.ean13, default: 0] > 50)
        #expect(counts[.ean8, default: 0] > 10)
        for seed in ["017000161563", "030772095355", "080878194964"] {
            #expect(products.contains { $0.barcode == seed })
        }
    }

    @Test("Products have 1–4 variants (front almost always), image_meta per variant and realistic product_meta")
    func records() {
        let products = sandbox(products: 1000).products
        var nullNutrition = 0
        var amountDV = 0
        for product in products {
            #expect((1...4).contains(product.variants.count))
            #expect(Set(product.imageMeta.keys) == Set(product.variants))
            #expect(Set(product.imageVersions.keys) == Set(product.variants))
            for meta in product.imageMeta.values {
                #expect(meta["photo_date"]?.stringValue?.count == 19)
                #expect(meta["resolution"]?.stringValue?.contains("x") == true)
                #expect(meta["ownership"]?.stringValue?.isEmpty == false)
                #expect(meta["source_batch"]?.stringValue?.isEmpty == false)
            }
            let meta = product.productMeta
            #expect(meta["brand"]?.stringValue?.isEmpty == false)
            #expect(meta["product_name"]?.stringValue?.isEmpty == false)
            #expect(meta["allergens"]?.arrayValue != nil)
            #expect(
                meta["hechshers"]?.arrayValue?.allSatisfy { $0["symbol"] != nil && $0["dairy_meat_pareve"] != nil }
                    == true)
            if meta["nutrition"]?.isNull == true { nullNutrition += 1 }
            if meta["nutrition"]?["sodium"]?["amount"] != nil { amountDV += 1 }
        }
        #expect(products.filter { $0.variants.contains(.front) }.count > 900)
        #expect(nullNutrition > 20)
        #expect(amountDV > 300)
    }

    @Test("updated_at is whole seconds within the year before the clock's start, with ties")
    func timestamps() {
        let products = sandbox(products: 1000).products
        let start = SandboxTesting.start.timeIntervalSince1970
        for product in products {
            let seconds = product.updatedAt.timeIntervalSince1970
            #expect(seconds == seconds.rounded())
            #expect(seconds < start && seconds >= start - 365 * 86_400)
        }
        #expect(Set(products.map(\.updatedAt)).count < products.count - 50)
        #expect(products.first { $0.barcode == "017000161563" }?.updatedAtText == "2026-06-04T15:49:50Z")
    }

    @Test("Update moves a product to now and the end of the order; add and delete show over HTTP")
    func mutations() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            let before = try #require(sandbox.product("030772095355"))
            sandbox.clock.advance(by: .milliseconds(1500))
            let updated = try #require(sandbox.updateProduct("030772095355"))
            #expect(updated.updatedAtText == "2026-07-02T16:30:01Z")
            #expect(updated.productMeta != before.productMeta)
            #expect(updated.imageVersions == before.imageVersions)
            #expect(sandbox.barcodes.last == "030772095355")
            let fetched = try await client.send(
                .GET, "/products/030772095355?include=product_meta", token: tokens.access)
            #expect(fetched.json?["product_meta"] == updated.productMeta)
            #expect(fetched.json?["updated_at"]?.stringValue == "2026-07-02T16:30:01Z")

            let added = sandbox.addProduct(variants: [.back, .front])
            #expect(added.variants == [.front, .back])
            #expect(Barcode(added.barcode)?.digits == added.barcode)
            #expect(try await client.send(.HEAD, "/products/\(added.barcode)", token: tokens.access).status == 200)
            sandbox.deleteProduct(added.barcode)
            #expect(sandbox.product(added.barcode) == nil)
            #expect(try await client.send(.HEAD, "/products/\(added.barcode)", token: tokens.access).status == 404)
            #expect(sandbox.updateProduct("036000291452") == nil)
        }
    }
}
