import Core
import Foundation
import Sandbox
import TestSupport
import Testing

@Suite("Retail Digitals sandbox: cost of GET /products/{barcode} for every include × variants shape")
struct SandboxCostMatrixTests {
    /// One row of the cost matrix: the query, and the expected blocks and image count for a product
    /// with front + front_clean (017000161563) and one with all four variants (080878194964).
    struct Shape: Sendable, CustomTestStringConvertible {
        var include: String?
        var variants: String?
        var metadataBlocks: Int
        var imagesTwoVariant: Int
        var imagesFourVariant: Int

        var query: String {
            var items: [String] = []
            if let include { items.append("include=\(include)") }
            if let variants { items.append("variants=\(variants)") }
            return items.isEmpty ? "" : "?" + items.joined(separator: "&")
        }

        var testDescription: String { "include=\(include ?? "omitted") variants=\(variants ?? "omitted")" }
    }

    static let shapes: [Shape] = [
        Shape(include: nil, variants: nil, metadataBlocks: 2, imagesTwoVariant: 2, imagesFourVariant: 4),
        Shape(include: nil, variants: "front", metadataBlocks: 2, imagesTwoVariant: 1, imagesFourVariant: 1),
        Shape(include: nil, variants: "front,back", metadataBlocks: 2, imagesTwoVariant: 1, imagesFourVariant: 2),
        Shape(include: "product_meta", variants: nil, metadataBlocks: 1, imagesTwoVariant: 0, imagesFourVariant: 0),
        Shape(include: "product_meta", variants: "front", metadataBlocks: 1, imagesTwoVariant: 0, imagesFourVariant: 0),
        Shape(
            include: "product_meta", variants: "front,back", metadataBlocks: 1, imagesTwoVariant: 0,
            imagesFourVariant: 0),
        Shape(include: "images", variants: nil, metadataBlocks: 0, imagesTwoVariant: 2, imagesFourVariant: 4),
        Shape(include: "images", variants: "front", metadataBlocks: 0, imagesTwoVariant: 1, imagesFourVariant: 1),
        Shape(include: "images", variants: "front,back", metadataBlocks: 0, imagesTwoVariant: 1, imagesFourVariant: 2),
        Shape(
            include: "product_meta,images", variants: "front", metadataBlocks: 1, imagesTwoVariant: 1,
            imagesFourVariant: 1),
        Shape(
            include: "image_meta,product_meta", variants: nil, metadataBlocks: 2, imagesTwoVariant: 0,
            imagesFourVariant: 0),
        Shape(
            include: "image_meta,images", variants: "back_clean,front_clean", metadataBlocks: 1, imagesTwoVariant: 1,
            imagesFourVariant: 2),
    ]

    @Test(
        "Credits = 0.3 × metadata blocks + 1.0 × non-null image URLs, exactly, in meta, headers and balance",
        arguments: shapes)
    func cost(shape: Shape) async throws {
        try await SandboxTesting.withSandbox(SandboxTesting.configuration(products: 5)) { sandbox, client in
            let tokens = try await client.token()
            for (barcode, images) in [
                ("017000161563", shape.imagesTwoVariant), ("080878194964", shape.imagesFourVariant),
            ] {
                let expected = Credits(thousandths: 300) * shape.metadataBlocks + Credits(1) * images
                let before = sandbox.credits(of: "rd_client_sandbox")
                let response = try await client.send(.GET, "/products/\(barcode)\(shape.query)", token: tokens.access)
                #expect(response.status == 200)
                let json = try #require(response.json)
                #expect(response.creditsDebited == expected)
                #expect(response.header("X-Credits-Debited").flatMap { Credits(parsing: $0) } == expected)
                #expect(sandbox.credits(of: "rd_client_sandbox") == before - expected)
                #expect(json["meta"]?["credits_remaining"]?.creditsValue == before - expected)
                #expect(sandbox.ledger().last?.creditsDebited == expected)
                let include = shape.include.map { Set($0.split(separator: ",").map(String.init)) }
                #expect((json["product_meta"] != nil) == (include?.contains("product_meta") ?? true))
                #expect((json["image_meta"] != nil) == (include?.contains("image_meta") ?? true))
                #expect((json["images"] != nil) == (include?.contains("images") ?? true))
                if let urls = json["images"]?.objectValue {
                    #expect(urls.map(\.key).sorted() == ["back", "back_clean", "front", "front_clean"])
                    #expect(urls.filter { !$0.value.isNull }.count == images)
                }
                if let imageMeta = json["image_meta"]?.objectValue {
                    #expect(imageMeta.count == 4)
                }
            }
        }
    }

    @Test("The seed's examples hold: the full default GET of 017000161563 costs 2.6, variants=front on four variants 1")
    func seedExamples() async throws {
        try await SandboxTesting.withSandbox(SandboxTesting.configuration(products: 5)) { _, client in
            let tokens = try await client.token()
            let full = try await client.send(.GET, "/products/017000161563", token: tokens.access)
            #expect(full.json?["meta"]?["credits_debited"]?.jsonText == "2.6")
            #expect(full.json?["product_meta"]?["brand"]?.stringValue == "Example Brand")
            #expect(full.json?["product_meta"]?["product_name"]?.stringValue == "Example Cereal")
            #expect(full.json?["image_meta"]?["back"]?.isNull == true)
            let cheap = try await client.send(
                .GET, "/products/080878194964?include=images&variants=front", token: tokens.access)
            #expect(cheap.json?["meta"]?["credits_debited"]?.jsonText == "1")
            #expect(cheap.json?["meta"]?["credits_remaining"]?.jsonText == "9996.4")
        }
    }
}
