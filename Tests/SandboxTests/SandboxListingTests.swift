import Core
import Foundation
import Sandbox
import Synchronization
import TestSupport
import Testing

@Suite("Retail Digitals sandbox: GET /products listing")
struct SandboxListingTests {
    /// Every barcode of every page, in order.
    func allPages(_ client: SandboxTestClient, token: String, perPage: Int, extra: String = "") async throws -> [String]
    {
        var barcodes: [String] = []
        var page = 1
        while true {
            let response = try await client.send(
                .GET, "/products?page=\(page)&per_page=\(perPage)\(extra)", token: token)
            let items = try #require(response.json?["data"]?.arrayValue)
            barcodes += items.compactMap { $0["barcode"]?.stringValue }
            let totalPages = try #require(response.json?["pagination"]?["total_pages"]?.intValue)
            if page >= totalPages { return barcodes }
            page += 1
        }
    }

    @Test("Pages list every product once, ordered by updated_at then barcode as strings, ties included")
    func orderAndTies() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            let listed = try await allPages(client, token: tokens.access, perPage: 7)
            #expect(listed == sandbox.barcodes)
            let products = sandbox.products
            let keys: [String] = products.map { $0.updatedAtText + " " + $0.barcode }
            let sorted: [String] = keys.sorted()
            #expect(keys == sorted)
            let stamps = products.map(\.updatedAtText)
            #expect(Set(stamps).count < stamps.count, "the generated catalog has updated_at ties")
        }
    }

    @Test("Pagination reports page, per_page, total and total_pages; per_page defaults to 100; past the end is empty")
    func pagination() async throws {
        try await SandboxTesting.withSandbox(SandboxTesting.configuration(products: 130)) { _, client in
            let tokens = try await client.token()
            let first = try await client.send(.GET, "/products", token: tokens.access)
            #expect(first.json?["pagination"] == ["page": 1, "per_page": 100, "total": 130, "total_pages": 2])
            #expect(first.json?["data"]?.arrayValue?.count == 100)
            #expect(first.header("X-Credits-Debited") == "0")
            let item = try #require(first.json?["data"]?[0])
            #expect(item.objectValue?.map(\.key) == ["barcode", "brand", "product_name", "updated_at", "variants"])
            let second = try await client.send(.GET, "/products?page=2", token: tokens.access)
            #expect(second.json?["data"]?.arrayValue?.count == 30)
            let past = try await client.send(.GET, "/products?page=9&per_page=500", token: tokens.access)
            #expect(past.status == 200)
            #expect(past.json?["data"]?.arrayValue?.isEmpty == true)
            #expect(past.json?["pagination"]?["total_pages"]?.intValue == 1)
        }
    }

    @Test("updated_since is inclusive, and a date alone means 00:00 UTC of that day")
    func updatedSince() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            let products = sandbox.products
            let pivot = products[products.count / 2]
            let expected = products.filter { $0.updatedAt >= pivot.updatedAt }.map(\.barcode)
            let inclusive = try await allPages(
                client, token: tokens.access, perPage: 500, extra: "&updated_since=\(pivot.updatedAtText)")
            #expect(inclusive == expected)
            #expect(inclusive.contains(pivot.barcode))
            let later = Timestamp.format(pivot.updatedAt.addingTimeInterval(1))
            let exclusive = try await allPages(
                client, token: tokens.access, perPage: 500, extra: "&updated_since=\(later)")
            #expect(!exclusive.contains(pivot.barcode))
            let day = String(pivot.updatedAtText.prefix(10))
            let midnight = try #require(Timestamp.parse(day))
            let byDay = try await allPages(client, token: tokens.access, perPage: 500, extra: "&updated_since=\(day)")
            #expect(byDay == products.filter { $0.updatedAt >= midnight }.map(\.barcode))
            let offset = try await allPages(
                client, token: tokens.access, perPage: 500,
                extra: "&updated_since=\(day)T02:00:00%2B02:00")
            #expect(offset == byDay)
        }
    }

    @Test("search, has_front, min_digits and ownership filter the listing")
    func filters() async throws {
        try await SandboxTesting.withSandbox(SandboxTesting.configuration(products: 200)) { sandbox, client in
            let tokens = try await client.token()
            let products = sandbox.products
            let search = try await allPages(
                client, token: tokens.access, perPage: 500, extra: "&search=example%20CEREAL")
            #expect(search == ["017000161563"])
            let noFront = try await allPages(client, token: tokens.access, perPage: 500, extra: "&has_front=false")
            #expect(noFront == products.filter { !$0.variants.contains(.front) }.map(\.barcode))
            let long = try await allPages(client, token: tokens.access, perPage: 500, extra: "&min_digits=13")
            #expect(long == products.filter { $0.barcode.count >= 13 }.map(\.barcode))
            #expect(!long.isEmpty)
            let studio = try await allPages(client, token: tokens.access, perPage: 500, extra: "&ownership=Studio%20B")
            #expect(
                studio
                    == products.filter { $0.imageMeta.values.contains { $0["ownership"]?.stringValue == "Studio B" } }
                    .map(\.barcode))
            #expect(!studio.isEmpty)
        }
    }

    @Test("per_page 0 or above 500, page 0, a non-number, has_front other than true/false and a bad date are 400")
    func badQueries() async throws {
        try await SandboxTesting.withSandbox { _, client in
            let tokens = try await client.token()
            for query in [
                "per_page=0", "per_page=501", "page=0", "page=abc", "has_front=maybe", "has_front=",
                "updated_since=yesterday", "min_digits=x",
            ] {
                let response = try await client.send(.GET, "/products?\(query)", token: tokens.access)
                #expect(response.status == 400, "\(query)")
                #expect(response.errorCode == "bad_request", "\(query)")
            }
            #expect(try await client.send(.GET, "/products?per_page=500", token: tokens.access).status == 200)
        }
    }

    @Test("A product updated while a client pages by number moves to the end: one row is skipped, it shows up last")
    func changeWhilePaging() async throws {
        try await SandboxTesting.withSandbox { sandbox, client in
            let tokens = try await client.token()
            let before = sandbox.barcodes
            let moved = before[0]
            sandbox.setRequestHook { info in
                if info.endpoint == .listing, info.count == 2 {
                    sandbox.clock.advance(by: .seconds(1))
                    sandbox.updateProduct(moved)
                }
            }
            let listed = try await allPages(client, token: tokens.access, perPage: 10)
            #expect(!listed.contains(before[10]), "the row that slid onto page 1 was skipped")
            #expect(listed.first == moved)
            #expect(listed.last == moved, "the updated product reappears at the end")
            #expect(sandbox.barcodes.last == moved)
        }
    }
}
