import Core
import Foundation
import Sandbox
import TestSupport
import Testing

/// Request validation, auth and size limits of the Retagly sandbox over real HTTP.
@Suite("Retagly validation, auth and limits")
struct RetaglyValidationTests {
    typealias Server = RetaglyTestServer
    let good = RetaglyFixtures.barcode(10)

    /// One bad product entry and a phrase its item error must contain.
    static let badProducts: [(JSONValue, String)] = [
        (["barcode": "017000161564", "name": "X", "price": 1], "check digit"),
        (["barcode": "1234567", "name": "X", "price": 1], "7 digits"),
        (["barcode": 17_000_161_563, "name": "X", "price": 1], "barcode must be a string"),
        (["barcode": "01700016156a", "name": "X", "price": 1], "digits only"),
        (["name": "X", "price": 1], "barcode is required"),
        (["barcode": "017000161563", "price": 1], "name is required"),
        (["barcode": "017000161563", "name": "X"], "price is required"),
        (["barcode": "017000161563", "name": "", "price": 1], "name must be a non-empty string"),
        (["barcode": "017000161563", "name": "X", "price": .number("4.999")], "more than 2 decimal places"),
        (["barcode": "017000161563", "name": "X", "price": .number("-1")], "price must be 0 or more"),
        (["barcode": "017000161563", "name": "X", "price": "4.99"], "price must be a JSON number"),
        (["barcode": "017000161563", "name": "X", "price": .number("1e2")], "without an exponent"),
        (["barcode": "017000161563", "name": "X", "price": 1, "stock": -1], "stock must be a whole number"),
        (["barcode": "017000161563", "name": "X", "price": 1, "stock": 1.5], "stock must be a whole number"),
        (["barcode": "017000161563", "name": "X", "price": 1, "onSale": "yes"], "onSale must be true or false"),
        (["barcode": "017000161563", "name": "X", "price": 1, "salePrice": .number("0.001")], "salePrice has more"),
        (["barcode": "017000161563", "name": "X", "price": 1, "unit": ""], "unit must be a non-empty string"),
        (["barcode": "017000161563", "name": "X", "price": 1, "sale_price": 1], "unknown field 'sale_price'"),
        ("not an object", "must be a JSON object"),
    ]

    @Test("Every kind of bad product gets its own item error with index and barcode, and nothing is saved")
    func itemErrors() async throws {
        try await Server.run { server in
            let products = [RetaglyFixtures.product(good)] + Self.badProducts.map(\.0)
            let reply = try await server.send("add", products)
            #expect(reply.status == 400)
            #expect(reply.errorCode == "bad_request")
            #expect(reply.json["error"]?["message"]?.stringValue?.contains("nothing was saved") == true)
            #expect(reply.items.count == Self.badProducts.count)
            for (offset, (product, phrase)) in Self.badProducts.enumerated() {
                let item = reply.items.first { $0["index"]?.intValue == offset + 1 }
                let message = item?["message"]?.stringValue ?? ""
                #expect(message.contains(phrase), "item \(offset + 1): \(message)")
                #expect(item?["barcode"] == (product["barcode"]?.stringValue).map { .string($0) } ?? .null)
            }
            #expect(server.sandbox.products(token: Server.tokenA).isEmpty)
        }
    }

    @Test("/productUpdate refuses null for name, price and onSale, which cannot be cleared")
    func nullNotClearable() async throws {
        try await Server.run { server in
            _ = try await server.send("add", [RetaglyFixtures.product(good)])
            let reply = try await server.send(
                "productUpdate",
                [
                    ["barcode": .string(good), "name": nil], ["barcode": .string(good), "price": nil],
                    ["barcode": .string(good), "onSale": nil], ["barcode": .string(good), "unit": nil],
                ])
            #expect(reply.status == 400)
            #expect(reply.items.count == 4)
            #expect(server.sandbox.products(token: Server.tokenA)[good]?.name == "Example Cereal")
        }
    }

    @Test("More than 1,000 products in one request answers 413 too_many_products and saves nothing")
    func tooMany() async throws {
        try await Server.run { server in
            let products = (0..<1001).map { RetaglyFixtures.product(RetaglyFixtures.barcode($0)) }
            let reply = try await server.send("add", products)
            #expect(reply.status == 413)
            #expect(reply.errorCode == "too_many_products")
            let exactly = try await server.send("add", Array(products.prefix(1000)))
            #expect(exactly.status == 200)
            #expect(exactly.json["created"]?.intValue == 1000)
        }
    }

    @Test("Malformed bodies answer 400 bad_request: not JSON, no products, an empty list, unknown fields")
    func malformedBodies() async throws {
        try await Server.run { server in
            let notJSON = try await server.call(.POST, "/retagly/add", rawBody: "{\"products\": [")
            #expect(notJSON.status == 400 && notJSON.errorCode == "bad_request")
            let missing = try await server.call(.POST, "/retagly/add", body: [:])
            #expect(missing.status == 400 && missing.errorCode == "bad_request")
            let empty = try await server.send("productUpdate", [])
            #expect(empty.status == 400 && empty.errorCode == "bad_request")
            let noBody = try await server.call(.POST, "/retagly/productUpdate")
            #expect(noBody.status == 400)
            let extra = try await server.call(
                .POST, "/retagly/add", body: ["products": [RetaglyFixtures.product(good)], "storeId": "1"])
            #expect(extra.status == 400)
            #expect(server.sandbox.products(token: Server.tokenA).isEmpty)
        }
    }

    @Test("A missing, wrong or non-Bearer token answers 401 unauthorized on every endpoint, without echoing it")
    func unauthorized() async throws {
        try await Server.run { server in
            let paths: [(RetaglyMethod, String)] = [
                (.POST, "/retagly/add"), (.POST, "/retagly/productUpdate"), (.POST, "/retagly/batch/start"),
                (.POST, "/retagly/batch/push"), (.POST, "/retagly/batch/complete"),
                (.GET, "/retagly/batch/bs_x/status"),
            ]
            for (method, path) in paths {
                let missing = try await server.call(method, path, token: nil, body: [:])
                #expect(missing.status == 401 && missing.errorCode == "unauthorized", "\(path)")
                let wrong = try await server.call(method, path, token: "rt_secret_wrong_token", body: [:])
                #expect(wrong.status == 401 && wrong.errorCode == "unauthorized", "\(path)")
                #expect(!wrong.text.contains("rt_secret_wrong_token"))
                let basic = try await server.call(method, path, body: [:], authorization: "Basic \(Server.tokenA)")
                #expect(basic.status == 401, "\(path)")
            }
            let lower = try await server.call(
                .POST, "/retagly/batch/start", body: [:], authorization: "bearer \(Server.tokenA)")
            #expect(lower.status == 200)
        }
    }
}
