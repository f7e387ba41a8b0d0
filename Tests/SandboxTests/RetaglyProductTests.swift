import Core
import Foundation
import Sandbox
import TestSupport
import Testing

/// `/add` and `/productUpdate` over real HTTP, checked against the store's ground truth.
@Suite("Retagly /add and /productUpdate")
struct RetaglyProductTests {
    typealias Server = RetaglyTestServer
    let a = RetaglyFixtures.barcode(1)
    let b = RetaglyFixtures.barcode(2)

    @Test("/add creates products with defaults, counts created and queued displays, and stores exact prices")
    func addCreates() async throws {
        try await Server.run { server in
            let reply = try await server.send(
                "add",
                [
                    RetaglyFixtures.product(a, name: "Cereal", price: "4.99"),
                    ["barcode": .string(b), "name": "Milk", "price": .number("0.1"), "stock": 12, "unit": "l"],
                ])
            #expect(reply.status == 200)
            #expect(reply.json["saved"]?.intValue == 2)
            #expect(reply.json["created"]?.intValue == 2)
            #expect(reply.json["updated"]?.intValue == 0)
            #expect(reply.json["displaysQueued"]?.intValue == RetaglyDisplays.count(for: [a, b]))
            #expect(reply.header("Content-Type") == "application/json")
            let products = server.sandbox.products(token: Server.tokenA)
            let cereal = try #require(products[a])
            #expect(cereal.name == "Cereal")
            #expect(cereal.price == Money(cents: 499))
            #expect(cereal.stock == nil && cereal.onSale == false && cereal.salePrice == nil && cereal.unit == "each")
            #expect(cereal.updatedAt == server.clock.now())
            let milk = try #require(products[b])
            #expect(milk.price == Money(cents: 10) && milk.stock == 12 && milk.unit == "l")
        }
    }

    @Test("/add on an existing barcode updates it, keeping the optional fields it omits")
    func addUpdates() async throws {
        try await Server.run { server in
            let first: JSONValue = [
                "barcode": .string(a), "name": "Cereal", "price": 4.5, "stock": 3, "onSale": true,
                "salePrice": .number("3.99"), "unit": "box",
            ]
            #expect(try await server.send("add", [first]).status == 200)
            server.clock.advance(by: .seconds(10))
            let reply = try await server.send("add", [RetaglyFixtures.product(a, name: "Cereal XL", price: "5")])
            #expect(reply.json["created"]?.intValue == 0)
            #expect(reply.json["updated"]?.intValue == 1)
            let product = try #require(server.sandbox.products(token: Server.tokenA)[a])
            #expect(product.name == "Cereal XL" && product.price == Money(cents: 500))
            #expect(
                product.stock == 3 && product.onSale && product.salePrice == Money(cents: 399) && product.unit == "box")
            #expect(product.updatedAt == server.clock.now())
        }
    }

    @Test("/productUpdate changes only the fields sent, and null clears salePrice and stock")
    func partialUpdate() async throws {
        try await Server.run { server in
            let full: JSONValue = [
                "barcode": .string(a), "name": "Cereal", "price": 4.99, "stock": 7, "onSale": true,
                "salePrice": 3.5,
            ]
            _ = try await server.send("add", [full])
            let price = try await server.send("productUpdate", [["barcode": .string(a), "price": .number("4.49")]])
            #expect(price.status == 200)
            #expect(price.json["saved"]?.intValue == 1 && price.json["updated"]?.intValue == 1)
            #expect(price.json["created"]?.intValue == 0)
            var product = try #require(server.sandbox.products(token: Server.tokenA)[a])
            #expect(product.price == Money(cents: 449) && product.name == "Cereal" && product.stock == 7)
            #expect(product.salePrice == Money(cents: 350) && product.onSale)
            let cleared = try await server.send(
                "productUpdate", [["barcode": .string(a), "salePrice": nil, "stock": nil, "onSale": false]])
            #expect(cleared.status == 200)
            product = try #require(server.sandbox.products(token: Server.tokenA)[a])
            #expect(
                product.salePrice == nil && product.stock == nil && !product.onSale
                    && product.price == Money(cents: 449))
        }
    }

    @Test("/productUpdate of a barcode the store lacks is an item error and nothing in the request is saved")
    func updateUnknown() async throws {
        try await Server.run { server in
            _ = try await server.send("add", [RetaglyFixtures.product(a, price: "1")])
            let reply = try await server.send(
                "productUpdate", [["barcode": .string(a), "price": 2], ["barcode": .string(b), "price": 3]])
            #expect(reply.status == 400)
            #expect(reply.errorCode == "bad_request")
            #expect(reply.items.count == 1)
            #expect(reply.items.first?["index"]?.intValue == 1)
            #expect(reply.items.first?["barcode"]?.stringValue == b)
            #expect(reply.items.first?["message"]?.stringValue?.contains("/add") == true)
            let products = server.sandbox.products(token: Server.tokenA)
            #expect(products[a]?.price == Money(cents: 100))
            #expect(products[b] == nil)
        }
    }

    @Test("Barcodes are keyed canonically: the 13-digit form of a UPC-A updates the 12-digit product")
    func canonicalBarcodes() async throws {
        try await Server.run { server in
            _ = try await server.send("add", [RetaglyFixtures.product("017000161563")])
            let reply = try await server.send("productUpdate", [["barcode": "0017000161563", "price": 1]])
            #expect(reply.status == 200)
            let products = server.sandbox.products(token: Server.tokenA)
            #expect(Array(products.keys) == ["017000161563"])
            #expect(products["017000161563"]?.price == Money(cents: 100))
        }
    }

    @Test("Eight digits are kept as sent: a UPC-E symbol is its own product, never expanded to its UPC-A")
    func eightDigitsAsSent() async throws {
        try await Server.run { server in
            // 04963406 is the UPC-E of 049000006346 (and no EAN-8); 96385074 an EAN-8.
            let reply = try await server.send(
                "add", [RetaglyFixtures.product("04963406"), RetaglyFixtures.product("96385074")])
            #expect(reply.status == 200)
            let products = server.sandbox.products(token: Server.tokenA)
            #expect(Set(products.keys) == ["04963406", "96385074"])
            let bad = try await server.send("add", [RetaglyFixtures.product("04963407")])
            #expect(bad.items.first?["message"]?.stringValue?.contains("check digit") == true)
        }
    }

    @Test("displaysQueued counts the displays bound to each distinct barcode of the request once")
    func displaysQueued() async throws {
        try await Server.run { server in
            let three = RetaglyFixtures.barcode(withDisplays: 3)
            let none = RetaglyFixtures.barcode(withDisplays: 0)
            let reply = try await server.send(
                "add",
                [
                    RetaglyFixtures.product(three), RetaglyFixtures.product(none),
                    RetaglyFixtures.product(three, price: "2"),
                ])
            #expect(reply.json["saved"]?.intValue == 3)
            #expect(reply.json["created"]?.intValue == 1 + 1)
            #expect(reply.json["updated"]?.intValue == 1)
            #expect(reply.json["displaysQueued"]?.intValue == 3)
            #expect(server.sandbox.products(token: Server.tokenA)[three]?.price == Money(cents: 200))
        }
    }

    @Test("Each token is its own store: products added with one are invisible to the other")
    func storesPerToken() async throws {
        try await Server.run { server in
            _ = try await server.send("add", [RetaglyFixtures.product(a)], token: Server.tokenA)
            let other = try await server.send(
                "productUpdate", [["barcode": .string(a), "price": 1]], token: Server.tokenB)
            #expect(other.status == 400)
            #expect(server.sandbox.products(token: Server.tokenB).isEmpty)
            #expect(server.sandbox.products(token: Server.tokenA).count == 1)
        }
    }
}
