import Core
import Foundation
import Lookup
import TestSupport
import Testing

@Suite("Answering lookups over the real socket")
struct AnsweringTests {
    @Test("A fresh cache hit is answered from the cache without any upstream call")
    func freshHit() async throws {
        try await LookupHarness.run { harness in
            try await harness.seed("017000161563", meta: #"{"product_name":"Example Cereal","n":1.50}"#)
            let (status, json, raw) = try await harness.get("/v1/products/017000161563")
            #expect(status == 200)
            #expect(json?["source"] == "cache")
            #expect(json?["stale"] == false)
            #expect(json?["product_meta"]?.jsonText == #"{"product_name":"Example Cereal","n":1.50}"#)
            #expect(raw.header("content-type") == "application/json; charset=utf-8")
            #expect(harness.backend.liveCalls.isEmpty)
        }
    }

    @Test("The 13-digit form with a leading zero answers as the 12-digit UPC-A")
    func ean13Form() async throws {
        try await LookupHarness.run { harness in
            try await harness.seed("017000161563")
            let (status, json, _) = try await harness.get("/v1/products/0017000161563")
            #expect(status == 200)
            #expect(json?["barcode"] == "017000161563")
        }
    }

    @Test("A stale entry is answered at once, marked stale, and refreshed in the background")
    func staleWhileRevalidate() async throws {
        try await LookupHarness.run { harness in
            try await harness.seed("017000161563", age: .seconds(90_000))
            let (status, json, _) = try await harness.get("/v1/products/017000161563")
            #expect(status == 200)
            #expect(json?["stale"] == true)
            #expect(harness.backend.refreshes == [Barcode("017000161563")!])
            #expect(harness.backend.liveCalls.isEmpty)
        }
    }

    @Test("An entry past the maximum staleness is refetched first, and served stale when upstream fails")
    func tooStale() async throws {
        try await LookupHarness.run { harness in
            try await harness.seed("017000161563", age: .seconds(30 * 86_400))
            harness.backend.script("017000161563", .unavailable("unavailable"))
            let (status, json, _) = try await harness.get("/v1/products/017000161563")
            #expect(status == 200)
            #expect(json?["source"] == "cache")
            #expect(json?["stale"] == true)
            #expect(harness.backend.liveCalls.count == 1)

            harness.backend.script("017000161563", .store(productMeta: #"{"product_name":"New"}"#))
            let (_, fresh, _) = try await harness.get("/v1/products/017000161563")
            #expect(fresh?["source"] == "live")
            #expect(fresh?["product_meta"]?["product_name"] == "New")
        }
    }

    @Test("A miss is fetched live and answered with source live")
    func liveMiss() async throws {
        try await LookupHarness.run { harness in
            harness.backend.script("030772095355", .store(productMeta: #"{"product_name":"Soap"}"#))
            let (status, json, _) = try await harness.get("/v1/products/030772095355")
            #expect(status == 200)
            #expect(json?["source"] == "live")
            #expect(json?["images"] == .object([]))
            let (_, again, _) = try await harness.get("/v1/products/030772095355")
            #expect(again?["source"] == "cache")
            #expect(harness.backend.liveCalls.count == 1)
        }
    }

    @Test("Unknown upstream: 404 not_found, or the store catalog's entry with source catalog")
    func notFound() async throws {
        try await LookupHarness.run { harness in
            let (status, json, _) = try await harness.get("/v1/products/080878194964")
            #expect(status == 404)
            #expect(json?["error"]?["code"] == "not_found")
            harness.backend.addCatalog("080878194964", name: "Snack", cents: 199)
            let (catalogStatus, catalog, _) = try await harness.get("/v1/products/080878194964")
            #expect(catalogStatus == 200)
            #expect(catalog?["source"] == "catalog")
            #expect(catalog?["catalog"]?["price"] == .number("1.99"))
            #expect(catalog?["product_meta"] == .null)
        }
    }

    @Test("A miss while upstream fails is 503 upstream_unavailable with the reason, unless the catalog knows it")
    func unavailable() async throws {
        try await LookupHarness.run { harness in
            harness.backend.script("030772095355", .unavailable("insufficient_credits"))
            let (status, json, _) = try await harness.get("/v1/products/030772095355")
            #expect(status == 503)
            #expect(json?["error"]?["code"] == "upstream_unavailable")
            #expect(json?["error"]?["reason"] == "insufficient_credits")
            harness.backend.addCatalog("030772095355", name: "Soap", cents: 349)
            let (catalogStatus, catalog, _) = try await harness.get("/v1/products/030772095355")
            #expect(catalogStatus == 200)
            #expect(catalog?["source"] == "catalog")
        }
    }

    @Test("A backend that never answers cannot hold a scan past the live deadline")
    func hangingBackend() async throws {
        try await LookupHarness.run(configure: { $0.liveTimeout = .milliseconds(300) }) { harness in
            harness.backend.script("030772095355", .hang)
            let (status, json, _) = try await harness.get("/v1/products/030772095355")
            #expect(status == 503)
            // "timeout", not the "hung" a backend that ended by itself (after 30 s) would give.
            #expect(json?["error"]?["reason"] == "timeout")
        }
    }

    @Test("Malformed barcodes get 400 invalid_barcode and never reach upstream")
    func invalidBarcodes() async throws {
        try await LookupHarness.run { harness in
            for path in ["017000161564", "01700016156a", "0170%2F0161563", "0170/00161563", "12345", "%00"] {
                let (status, json, _) = try await harness.get("/v1/products/\(path)")
                #expect(status == 400, "\(path)")
                #expect(json?["error"]?["code"] == "invalid_barcode", "\(path)")
                #expect(json?["error"]?["message"]?.stringValue?.isEmpty == false)
            }
            #expect(harness.backend.liveCalls.isEmpty)
        }
    }

    @Test("In-store codes are answered from the store catalog only, never upstream")
    func inStoreCodes() async throws {
        try await LookupHarness.run { harness in
            let body: [UInt8] = [2, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4]
            let code = String(decoding: (body + [Barcode.checkDigit(of: body)]).map { $0 + 48 }, as: UTF8.self)
            let (missing, json, _) = try await harness.get("/v1/products/\(code)")
            #expect(missing == 404)
            #expect(json?["error"]?["message"]?.stringValue?.contains("in-store") == true)
            harness.backend.addCatalog(code, name: "Deli ham", cents: 599)
            let (status, catalog, _) = try await harness.get("/v1/products/\(code)")
            #expect(status == 200)
            #expect(catalog?["source"] == "catalog")
            #expect(harness.backend.liveCalls.isEmpty)
        }
    }

    @Test("A recent negative entry answers 404 without asking upstream again")
    func negativeCache() async throws {
        try await LookupHarness.run { harness in
            try await harness.seedNegative("030772095355")
            let (status, _, _) = try await harness.get("/v1/products/030772095355")
            #expect(status == 404)
            try await harness.seedNegative("080878194964", age: .seconds(8 * 86_400))
            _ = try await harness.get("/v1/products/080878194964")
            #expect(harness.backend.liveCalls == [Barcode("080878194964")!])
        }
    }
}
