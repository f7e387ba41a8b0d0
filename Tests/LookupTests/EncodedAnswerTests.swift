import Core
import Foundation
import Lookup
import Store
import TestSupport
import Testing

/// The event loops keep encoded fresh answers for repeated scans; these tests prove a kept answer is
/// never served once it differs from what encoding anew would give.
@Suite("Encoded answers kept for repeated scans")
struct EncodedAnswerTests {
    @Test("A repeated scan answers the same bytes, and a new version of the product is seen at once")
    func invalidatedByWrites() async throws {
        try await LookupHarness.run { harness in
            try await harness.seed("017000161563", meta: #"{"product_name":"Old Name"}"#)
            let first = try await harness.get("/v1/products/017000161563")
            let second = try await harness.get("/v1/products/017000161563")
            #expect(first.json?["product_meta"]?["product_name"] == "Old Name")
            #expect(second.raw.body == first.raw.body)
            // The sync stores a new version (and an image): the next scan shows both.
            try await harness.seed(
                "017000161563", meta: #"{"product_name":"New Name"}"#, images: [.front: ImageServingTests.jpeg])
            let third = try await harness.get("/v1/products/017000161563")
            #expect(third.json?["product_meta"]?["product_name"] == "New Name")
            #expect(third.json?["images"]?["front"] != nil)
            // A write about another product keeps the answer (`KeptAnswerTests`): still the same, correct bytes.
            try await harness.seedNegative("017000161570")
            let fourth = try await harness.get("/v1/products/017000161563")
            #expect(fourth.raw.body == third.raw.body)
        }
    }

    @Test("A change of the store catalog's row shows in the next answer")
    func invalidatedByCatalog() async throws {
        try await LookupHarness.run { harness in
            try await harness.seed("017000161563")
            harness.backend.addCatalog("017000161563", name: "Cereal", cents: 499)
            let before = try await harness.get("/v1/products/017000161563")
            #expect(before.json?["catalog"]?["price"]?.jsonText == "4.99")
            _ = try await harness.get("/v1/products/017000161563")
            harness.backend.addCatalog("017000161563", name: "Cereal", cents: 449)
            let after = try await harness.get("/v1/products/017000161563")
            #expect(after.json?["catalog"]?["price"]?.jsonText == "4.49")
        }
    }
}
