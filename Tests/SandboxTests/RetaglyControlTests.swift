import Core
import Foundation
import Sandbox
import TestSupport
import Testing

/// The Retagly part of the control plane (`/_sandbox/retagly`) over real HTTP.
@Suite("Retagly control plane")
struct RetaglyControlTests {
    typealias Server = RetaglyTestServer

    @Test("The control plane lists stores by name, their products and sessions, and the ledger, without tokens")
    func reads() async throws {
        try await Server.run { server in
            let a = RetaglyFixtures.barcode(1)
            _ = try await server.send("add", [RetaglyFixtures.product(a, price: "4.5")])
            _ = try await server.call(.POST, "/retagly/batch/start", body: [:])
            let stores = try await server.call(.GET, "/_sandbox/retagly/stores", token: nil)
            #expect(
                stores.json["stores"]?.arrayValue?.compactMap { $0["store"]?.stringValue } == ["store-1", "store-2"])
            let products = try await server.call(.GET, "/_sandbox/retagly/stores/store-1/products", token: nil)
            let product = try #require(products.json["products"]?[0])
            #expect(product["barcode"]?.stringValue == a && product["price"] == .number("4.5"))
            #expect(product["salePrice"] == .null && product["unit"]?.stringValue == "each")
            let sessions = try await server.call(.GET, "/_sandbox/retagly/stores/store-1/sessions", token: nil)
            #expect(sessions.json["sessions"]?[0]?["status"]?["status"]?.stringValue == "open")
            let ledger = try await server.call(.GET, "/_sandbox/retagly/ledger", token: nil)
            #expect(ledger.json["requests"]?.intValue == 2)
            #expect(ledger.json["byEndpoint"]?["add"]?["200"]?.intValue == 1)
            let entries = try await server.call(.GET, "/_sandbox/retagly/ledger/entries?after=1", token: nil)
            #expect(entries.json["entries"]?.arrayValue?.map { $0["endpoint"]?.stringValue } == ["batchStart"])
            let unknown = try await server.call(.GET, "/_sandbox/retagly/stores/store-9/products", token: nil)
            #expect(unknown.status == 404)
            for reply in [stores, products, sessions, ledger, entries] {
                #expect(!reply.text.contains(Server.tokenA) && !reply.text.contains(Server.tokenB))
            }
        }
    }

    @Test("PUT faults and rate-limit change the sandbox's behaviour; bad documents answer 400")
    func writesFaults() async throws {
        try await Server.run { server in
            let put = try await server.call(.PUT, "/_sandbox/retagly/faults", token: nil, body: ["down": true])
            #expect(put.status == 200 && put.json["down"] == true)
            #expect(server.sandbox.faults.down)
            #expect(try await server.call(.POST, "/retagly/batch/start", body: [:]).status == 503)
            let read = try await server.call(.GET, "/_sandbox/retagly/faults", token: nil)
            #expect(read.json["down"] == true && read.json["serverErrorRate"] == 0)
            let bad = try await server.call(.PUT, "/_sandbox/retagly/faults", token: nil, body: ["serverErrorRate": 2])
            #expect(bad.status == 400)
            let typo = try await server.call(.PUT, "/_sandbox/retagly/faults", token: nil, body: ["dwn": true])
            #expect(typo.status == 400)
            let rich: JSONValue = [
                "serverErrorRate": 0.25, "delayMilliseconds": 50, "endpoints": ["add", "batchPush"],
                "downUntil": "2026-06-04T15:49:50Z",
            ]
            let set = try await server.call(.PUT, "/_sandbox/retagly/faults", token: nil, body: rich)
            #expect(set.status == 200)
            let faults = server.sandbox.faults
            #expect(!faults.down && faults.serverErrorRate == 0.25 && faults.delay == .milliseconds(50))
            #expect(faults.endpoints == [.add, .batchPush])
            #expect(faults.downUntil == Timestamp.parse("2026-06-04T15:49:50Z"))
            let limit = try await server.call(.PUT, "/_sandbox/retagly/rate-limit", token: nil, body: ["perMinute": 1])
            #expect(limit.status == 200)
            #expect(try await server.call(.POST, "/retagly/batch/start", body: [:]).status == 200)
            #expect(try await server.call(.POST, "/retagly/batch/start", body: [:]).status == 429)
            let badLimit = try await server.call(
                .PUT, "/_sandbox/retagly/rate-limit", token: nil, body: ["perMinute": 0])
            #expect(badLimit.status == 400)
        }
    }
}
