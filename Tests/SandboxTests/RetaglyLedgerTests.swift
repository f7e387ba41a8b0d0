import Core
import Foundation
import Sandbox
import TestSupport
import Testing

/// The ledger and write history: the ground truth tests prove delivery with.
@Suite("Retagly ledger and ground truth")
struct RetaglyLedgerTests {
    typealias Server = RetaglyTestServer

    @Test("The ledger records each request's time, store, endpoint, status and the exact fields applied, never a token")
    func ledgerEntries() async throws {
        try await Server.run { server in
            let a = RetaglyFixtures.barcode(1)
            _ = try await server.send("add", [RetaglyFixtures.product(a, price: "2.50")])
            server.clock.advance(by: .seconds(5))
            _ = try await server.send("productUpdate", [["barcode": .string(a), "salePrice": nil, "onSale": false]])
            _ = try await server.send("productUpdate", [["barcode": .string(a), "price": .number("1.001")]])
            _ = try await server.call(.POST, "/retagly/add", token: "rt_wrong", body: [:])
            _ = try await server.send("add", [RetaglyFixtures.product(a)], token: Server.tokenB)
            let ledger = server.sandbox.ledger()
            #expect(ledger.map(\.sequence) == [1, 2, 3, 4, 5])
            #expect(ledger.map(\.endpoint) == [.add, .productUpdate, .productUpdate, .add, .add])
            #expect(ledger.map(\.status) == [200, 200, 400, 401, 200])
            #expect(ledger.map(\.store) == ["store-1", "store-1", "store-1", nil, "store-2"])
            #expect(ledger.map(\.applied) == [true, true, false, false, true])
            #expect(ledger[2].errorCode == "bad_request")
            #expect(ledger[1].time == ledger[0].time.addingTimeInterval(5))
            #expect(
                ledger[0].products == [
                    RetaglyProductChange(barcode: a, name: "Example Cereal", price: Money(cents: 250))
                ])
            #expect(ledger[1].products == [RetaglyProductChange(barcode: a, onSale: false, salePrice: .null)])
            #expect(ledger.allSatisfy { !$0.injected })
            #expect(server.sandbox.ledger(token: Server.tokenB).map(\.sequence) == [5])
            let text = ledger.map(\.json.jsonText).joined()
            #expect(!text.contains(Server.tokenA) && !text.contains(Server.tokenB) && !text.contains("rt_wrong"))
            let summary = server.sandbox.ledgerSummary()
            #expect(summary.requests == 5 && summary.injected == 0)
            #expect(summary.byEndpoint[.add] == [200: 2, 401: 1])
            #expect(summary.byEndpoint[.productUpdate] == [200: 1, 400: 1])
        }
    }

    @Test("The write history lists every applied change in order, batch saves at their save time")
    func writes() async throws {
        try await Server.run { server in
            let a = RetaglyFixtures.barcode(1)
            let b = RetaglyFixtures.barcode(2)
            _ = try await server.send("add", [RetaglyFixtures.product(a)])
            let id = try await RetaglyBatchTests.session(
                server, [["barcode": .string(a), "stock": 4], RetaglyFixtures.product(b)])
            let completedAt = server.clock.now()
            _ = try await server.call(.POST, "/retagly/batch/complete", body: ["sessionId": .string(id)])
            server.clock.advance(by: .seconds(1))
            _ = try await server.send("productUpdate", [["barcode": .string(a), "stock": 5]])
            server.clock.advance(by: .seconds(60))
            let writes = server.sandbox.writes(token: Server.tokenA)
            #expect(writes.map(\.endpoint) == [.add, .batchPush, .productUpdate, .batchPush])
            #expect(writes.map(\.change.barcode) == [a, a, a, b])
            #expect(writes.map(\.created) == [true, false, false, true])
            #expect(writes[1].sessionId == id && writes[1].time == completedAt.addingTimeInterval(1))
            #expect(writes[3].time == completedAt.addingTimeInterval(2))
            #expect(writes[0].ledgerSequence == 1 && writes[1].ledgerSequence == nil)
            #expect(server.sandbox.products(token: Server.tokenA)[a]?.stock == 5)
            let pushes = server.sandbox.ledger().filter { $0.endpoint == .batchPush }
            #expect(pushes.first?.products.map(\.barcode) == [a, b])
            #expect(pushes.first?.applied == false)
        }
    }

    @Test("A batch save that falls before a later /productUpdate is applied first, so the later change wins")
    func batchThenUpdate() async throws {
        try await Server.run { server in
            let a = RetaglyFixtures.barcode(1)
            _ = try await server.send("add", [RetaglyFixtures.product(a, price: "1")])
            let id = try await RetaglyBatchTests.session(server, [["barcode": .string(a), "price": 2]])
            _ = try await server.call(.POST, "/retagly/batch/complete", body: ["sessionId": .string(id)])
            server.clock.advance(by: .seconds(30))
            _ = try await server.send("productUpdate", [["barcode": .string(a), "price": 3]])
            #expect(server.sandbox.products(token: Server.tokenA)[a]?.price == Money(cents: 300))
        }
    }
}

/// The repeated-delivery audit that issue 7's tests rely on.
@Suite("Retagly repeated deliveries")
struct RetaglyRepeatTests {
    typealias Server = RetaglyTestServer

    @Test("Resending a delivered state is a repeat; a change in between or a delayed answer before it is not")
    func repeats() async throws {
        try await Server.run { server in
            let a = RetaglyFixtures.barcode(1)
            let b = RetaglyFixtures.barcode(2)
            _ = try await server.send("add", [RetaglyFixtures.product(a, price: "1"), RetaglyFixtures.product(b)])
            _ = try await server.send("productUpdate", [["barcode": .string(a), "price": 2]])
            _ = try await server.send("productUpdate", [["barcode": .string(a), "price": 1]])
            #expect(server.sandbox.repeatedDeliveries(token: Server.tokenA).isEmpty)
            _ = try await server.send("productUpdate", [["barcode": .string(a), "price": 1]])
            let repeats = server.sandbox.repeatedDeliveries(token: Server.tokenA)
            #expect(repeats.count == 1)
            #expect(repeats.first?.write.change.barcode == a && repeats.first?.excuse == nil)
            #expect(repeats.first?.previous.ledgerSequence == 3)
            var faults = RetaglyFaults()
            faults.delayRate = 1
            faults.delay = .milliseconds(1)
            server.sandbox.setFaults(faults)
            _ = try await server.send("productUpdate", [["barcode": .string(b), "stock": 3]])
            server.sandbox.setFaults(.none)
            _ = try await server.send("productUpdate", [["barcode": .string(b), "stock": 3]])
            let all = server.sandbox.repeatedDeliveries(token: Server.tokenA)
            #expect(all.count == 2)
            #expect(all.last?.write.change.barcode == b && all.last?.excuse != nil)
            #expect(all.filter { $0.excuse == nil }.count == 1)
        }
    }
}
