import Core
import Foundation
import TestSupport
import Testing

@Suite("Serving stored images over the socket")
struct ImageServingTests {
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0x42, count: 5000) + [0xFF, 0xD9]

    @Test("The stored bytes come back with their type, length and sha256 ETag; If-None-Match gives 304")
    func servesBytes() async throws {
        try await LookupHarness.run { harness in
            try await harness.seed("017000161563", images: [.front: Self.jpeg])
            let (_, product, _) = try await harness.get("/v1/products/017000161563")
            let front = try #require(product?["images"]?["front"])
            let sha = try #require(front["sha256"]?.stringValue)
            #expect(front["bytes"] == .int(Self.jpeg.count))
            #expect(front["url"] == "/v1/products/017000161563/images/front")
            let path = try #require(front["path"]?.stringValue)
            #expect(FileManager.default.contents(atPath: path).map(Array.init) == Self.jpeg)

            for _ in 0..<2 {  // the second answer comes from memory
                let (status, _, raw) = try await harness.get("/v1/products/017000161563/images/front")
                #expect(status == 200)
                #expect(raw.body == Self.jpeg)
                #expect(raw.header("content-type") == "image/jpeg")
                #expect(raw.header("etag") == "\"\(sha)\"")
            }
            let (notModified, _, raw) = try await harness.get(
                "/v1/products/017000161563/images/front", headers: [("If-None-Match", "\"\(sha)\"")])
            #expect(notModified == 304)
            #expect(raw.body.isEmpty)
        }
    }

    @Test("HEAD answers the headers without the body")
    func head() async throws {
        try await LookupHarness.run { harness in
            try await harness.seed("017000161563", images: [.front: Self.jpeg])
            let response = try await SocketHTTP.request(
                harness.socket, "HEAD", "/v1/products/017000161563/images/front")
            #expect(response.status == 200)
            #expect(response.header("content-length") == String(Self.jpeg.count))
            #expect(response.body.isEmpty)
        }
    }

    @Test("A variant that is not stored, an unknown variant name or an unknown product is 404 image_not_found")
    func missing() async throws {
        try await LookupHarness.run { harness in
            try await harness.seed("017000161563", images: [.front: Self.jpeg])
            for path in ["017000161563/images/back", "017000161563/images/side", "030772095355/images/front"] {
                let (status, json, _) = try await harness.get("/v1/products/\(path)")
                #expect(status == 404, "\(path)")
                #expect(json?["error"]?["code"] == "image_not_found", "\(path)")
            }
            let (bad, json, _) = try await harness.get("/v1/products/0170001615/images/front")
            #expect(bad == 400)
            #expect(json?["error"]?["code"] == "invalid_barcode")
        }
    }

    @Test("A stored file that went missing is reported, not served")
    func missingFile() async throws {
        try await LookupHarness.run { harness in
            try await harness.seed("017000161563", images: [.front: Self.jpeg])
            let (_, product, _) = try await harness.get("/v1/products/017000161563")
            let path = try #require(product?["images"]?["front"]?["path"]?.stringValue)
            try FileManager.default.removeItem(atPath: path)
            let (status, json, _) = try await harness.get("/v1/products/017000161563/images/front")
            #expect(status == 404)
            #expect(json?["error"]?["code"] == "image_not_found")
        }
    }
}
