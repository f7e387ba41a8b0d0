import Core
import NIOCore
import NIOHTTP1
import Store
import Testing

@testable import Lookup

@Suite("Socket routing and answer encoding")
struct RouteTests {
    @Test("Product and image paths resolve; query strings are ignored")
    func productRoutes() {
        #expect(Route.resolve(method: .GET, uri: "/v1/products/017000161563?x=1") == .product(barcode: "017000161563"))
        #expect(
            Route.resolve(method: .HEAD, uri: "/v1/products/017000161563/images/front")
                == .image(barcode: "017000161563", variant: "front"))
        #expect(Route.resolve(method: .GET, uri: "/v1/products/0170/00161563") == .badBarcodePath)
        #expect(Route.resolve(method: .GET, uri: "/v1/products/017000161563/images/") == .badBarcodePath)
        #expect(
            Route.resolve(method: .POST, uri: "/v1/products/017000161563") == .methodNotAllowed(allowed: "GET, HEAD"))
    }

    @Test("Control routes take only their methods")
    func controlRoutes() {
        #expect(Route.resolve(method: .POST, uri: "/v1/sync") == .startSync)
        #expect(Route.resolve(method: .GET, uri: "/v1/sync") == .methodNotAllowed(allowed: "POST"))
        #expect(Route.resolve(method: .GET, uri: "/v1/sync/abc") == .syncRun(id: "abc"))
        #expect(Route.resolve(method: .POST, uri: "/v1/shelf/products") == .shelfProducts)
        #expect(Route.resolve(method: .GET, uri: "/v1/status") == .status)
        #expect(Route.resolve(method: .GET, uri: "/metrics") == .metrics)
        #expect(Route.resolve(method: .GET, uri: "/healthz") == .health)
        #expect(Route.resolve(method: .GET, uri: "/nope") == .notFound)
    }

    @Test("If-None-Match matches lists, weak tags and the wildcard")
    func etags() {
        let tag = "\"abc\""
        #expect(LookupEngine.matches("\"abc\"", etag: tag))
        #expect(LookupEngine.matches("\"x\", W/\"abc\"", etag: tag))
        #expect(LookupEngine.matches("*", etag: tag))
        #expect(!LookupEngine.matches("\"abd\"", etag: tag))
    }

    @Test("The product answer splices product_meta unchanged and escapes the state directory")
    func productAnswer() throws {
        let encoder = ProductAnswer(imageRoot: "/var/lib/store \"sync\"/images/")
        let view = HotProduct(
            barcode: Barcode("017000161563")!, productMeta: #"{"brand":"Example","calories":100.50}"#,
            imageMeta: nil, updatedAt: "2026-06-04T15:49:50Z", fetchedAt: UnixMillis(1_780_000_000_000),
            variantsAvailable: nil, source: .live,
            images: [
                HotImage(
                    variant: .front, relativePath: "017/017000161563/front.jpg", sha256: "ab",
                    bytes: 10, contentType: "image/jpeg")
            ])
        let catalog = CatalogEntry(barcode: Barcode("017000161563")!, name: "Cereal", price: Money(cents: 499))
        var buffer = ByteBuffer()
        encoder.write(view, source: "cache", stale: true, catalog: catalog, into: &buffer)
        let json = try JSONValue(parsing: Array(buffer.readableBytesView))
        #expect(json["source"] == "cache")
        #expect(json["stale"] == true)
        #expect(json["product_meta"]?.jsonText == #"{"brand":"Example","calories":100.50}"#)
        #expect(json["catalog"]?["price"] == .number("4.99"))
        #expect(
            json["images"]?["front"]?["path"] == .string("/var/lib/store \"sync\"/images/017/017000161563/front.jpg"))
        #expect(json["images"]?["front"]?["url"] == "/v1/products/017000161563/images/front")
        #expect(json["fetched_at"] == .string(Timestamp.format(unixSeconds: 1_780_000_000)))
    }
}
