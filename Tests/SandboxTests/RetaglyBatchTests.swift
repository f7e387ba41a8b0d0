import Core
import Foundation
import Sandbox
import TestSupport
import Testing

/// Batch sessions over real HTTP: start, push, complete, and status through every phase as the
/// sandbox clock is advanced.
@Suite("Retagly batch sessions")
struct RetaglyBatchTests {
    typealias Server = RetaglyTestServer

    /// Starts a session and pushes `products` in pushes of at most 1,000; the session id.
    static func session(_ server: Server, _ products: [JSONValue], token: String = Server.tokenA) async throws -> String
    {
        let start = try await server.call(.POST, "/retagly/batch/start", token: token, body: [:])
        let id = try #require(start.json["sessionId"]?.stringValue)
        for offset in stride(from: 0, to: products.count, by: 1000) {
            let chunk = Array(products[offset..<min(products.count, offset + 1000)])
            let push = try await server.call(
                .POST, "/retagly/batch/push", token: token, body: ["sessionId": .string(id), "products": .array(chunk)])
            #expect(push.status == 200)
        }
        return id
    }

    static func status(_ server: Server, _ id: String, token: String = Server.tokenA) async throws -> JSONValue {
        let reply = try await server.call(.GET, "/retagly/batch/\(id)/status", token: token)
        #expect(reply.status == 200)
        return reply.json
    }

    @Test("/batch/start answers a bs_ session id and an RFC 3339 expiry 30 minutes ahead; status says open")
    func start() async throws {
        try await Server.run { server in
            let reply = try await server.call(.POST, "/retagly/batch/start", body: [:])
            #expect(reply.status == 200)
            let id = try #require(reply.json["sessionId"]?.stringValue)
            #expect(id.hasPrefix("bs_") && id.count > 8)
            let expected = Timestamp.format(server.clock.now().addingTimeInterval(1800))
            #expect(reply.json["expiresAt"]?.stringValue == expected)
            let status = try await Self.status(server, id)
            #expect(status["status"]?.stringValue == "open")
            #expect(status["phase"] == .null)
            #expect(status["progress"]?.intValue == 0)
            let another = try await server.call(.POST, "/retagly/batch/start", body: [:])
            #expect(another.json["sessionId"]?.stringValue != id)
        }
    }

    @Test("Pushes count received and totalReceived, take 1 to 1,000 products, and name a known session")
    func push() async throws {
        try await Server.run { server in
            let id = try await Self.session(server, [])
            let products = (0..<1000).map { RetaglyFixtures.product(RetaglyFixtures.barcode($0)) }
            let first = try await server.call(
                .POST, "/retagly/batch/push", body: ["sessionId": .string(id), "products": .array(products)])
            #expect(first.json["received"]?.intValue == 1000 && first.json["totalReceived"]?.intValue == 1000)
            let second = try await server.call(
                .POST, "/retagly/batch/push",
                body: ["sessionId": .string(id), "products": .array(Array(products.prefix(3)))])
            #expect(second.json["received"]?.intValue == 3 && second.json["totalReceived"]?.intValue == 1003)
            let tooMany = try await server.call(
                .POST, "/retagly/batch/push",
                body: ["sessionId": .string(id), "products": .array(products + products.prefix(1))])
            #expect(tooMany.status == 413 && tooMany.errorCode == "too_many_products")
            let empty = try await server.call(
                .POST, "/retagly/batch/push", body: ["sessionId": .string(id), "products": []])
            #expect(empty.status == 400 && empty.errorCode == "bad_request")
            let noId = try await server.call(
                .POST, "/retagly/batch/push", body: ["products": .array(products.prefix(1).map { $0 })])
            #expect(noId.status == 400)
            let unknown = try await server.call(
                .POST, "/retagly/batch/push",
                body: ["sessionId": "bs_0000000000000000", "products": .array(Array(products.prefix(1)))])
            #expect(unknown.status == 404 && unknown.errorCode == "session_not_found")
            let otherStore = try await server.call(
                .POST, "/retagly/batch/push", token: Server.tokenB,
                body: ["sessionId": .string(id), "products": .array(Array(products.prefix(1)))])
            #expect(otherStore.status == 404 && otherStore.errorCode == "session_not_found")
            let status = try await Self.status(server, id)
            #expect(status["productsTotal"]?.intValue == 1003)
            #expect(server.sandbox.products(token: Server.tokenA).isEmpty)
            let unknownStatus = try await server.call(.GET, "/retagly/batch/bs_nope/status")
            #expect(unknownStatus.status == 404 && unknownStatus.errorCode == "session_not_found")
        }
    }

    @Test("A completed session moves saving → syncing → verifying → completed as the clock advances")
    func phases() async throws {
        try await Server.run { server in
            let barcodes = (0..<2500).map { RetaglyFixtures.barcode($0) }
            let id = try await Self.session(server, barcodes.map { RetaglyFixtures.product($0, stock: 1) })
            let complete = try await server.call(.POST, "/retagly/batch/complete", body: ["sessionId": .string(id)])
            #expect(complete.status == 200)
            #expect(complete.json["status"]?.stringValue == "processing")
            let tags = RetaglyDisplays.count(for: barcodes)
            // Default timing for 2,500 products: saving 20 s, display sync 45 s, one check after 30 s.
            server.clock.advance(by: .seconds(10))
            var status = try await Self.status(server, id)
            #expect(status["status"]?.stringValue == "processing" && status["phase"]?.stringValue == "saving")
            #expect(status["productsSaved"]?.intValue == 1250)
            #expect(status["progress"]?.intValue == 15)
            #expect(server.sandbox.products(token: Server.tokenA).count == 1250)
            server.clock.advance(by: .seconds(20))
            status = try await Self.status(server, id)
            #expect(status["phase"]?.stringValue == "syncing")
            #expect((31...79).contains(status["progress"]?.intValue ?? 0))
            #expect(status["productsSaved"]?.intValue == 2500 && status["tagsTotal"]?.intValue == tags)
            server.clock.advance(by: .seconds(40))
            status = try await Self.status(server, id)
            #expect(status["phase"]?.stringValue == "verifying" && status["progress"]?.intValue == 80)
            #expect(status["tagsConfirmed"]?.intValue == 0)
            server.clock.advance(by: .seconds(25))
            status = try await Self.status(server, id)
            #expect(status["status"]?.stringValue == "completed" && status["phase"] == .null)
            #expect(status["progress"]?.intValue == 100)
            #expect(status["productsTotal"]?.intValue == 2500 && status["productsSaved"]?.intValue == 2500)
            #expect(status["tagsTotal"]?.intValue == tags && status["tagsConfirmed"]?.intValue == tags)
            #expect(status["errors"]?.arrayValue?.isEmpty == true)
            #expect(server.sandbox.products(token: Server.tokenA).count == 2500)
            let report = try #require(server.sandbox.sessions(token: Server.tokenA).first)
            #expect(report.finishesAt.map { $0 <= report.completedAt!.addingTimeInterval(180) } == true)
        }
    }

    @Test("Saving skips item problems into errors: new barcodes need name and price, known ones update partially")
    func savingErrors() async throws {
        try await Server.run { server in
            let known = RetaglyFixtures.barcode(1)
            let fresh = RetaglyFixtures.barcode(2)
            _ = try await server.send("add", [["barcode": .string(known), "name": "Tea", "price": 2, "stock": 9]])
            let id = try await Self.session(
                server,
                [
                    ["barcode": .string(known), "price": 3],
                    ["barcode": .string(fresh), "price": 1],
                    ["barcode": "123", "name": "Bad", "price": 1],
                    ["barcode": .string(fresh), "name": "Honey", "price": .number("6.50")],
                ])
            _ = try await server.call(.POST, "/retagly/batch/complete", body: ["sessionId": .string(id)])
            server.clock.advance(by: .seconds(120))
            let status = try await Self.status(server, id)
            #expect(status["status"]?.stringValue == "completed")
            #expect(status["productsTotal"]?.intValue == 4 && status["productsSaved"]?.intValue == 2)
            let errors = status["errors"]?.arrayValue ?? []
            #expect(errors.map { $0["index"]?.intValue } == [1, 2])
            #expect(errors.first?["barcode"]?.stringValue == fresh)
            #expect(errors.first?["message"]?.stringValue?.contains("name and price are required") == true)
            #expect(status["tagsTotal"]?.intValue == RetaglyDisplays.count(for: [known, fresh]))
            let products = server.sandbox.products(token: Server.tokenA)
            #expect(
                products[known]?.price == Money(cents: 300) && products[known]?.stock == 9
                    && products[known]?.name == "Tea")
            #expect(products[fresh]?.price == Money(cents: 650))
        }
    }

    @Test("Push and complete after complete answer 409 session_completed")
    func afterComplete() async throws {
        try await Server.run { server in
            let id = try await Self.session(server, [RetaglyFixtures.product(RetaglyFixtures.barcode(1))])
            let body: JSONValue = ["sessionId": .string(id)]
            #expect(try await server.call(.POST, "/retagly/batch/complete", body: body).status == 200)
            let again = try await server.call(.POST, "/retagly/batch/complete", body: body)
            #expect(again.status == 409 && again.errorCode == "session_completed")
            let push = try await server.call(
                .POST, "/retagly/batch/push",
                body: ["sessionId": .string(id), "products": [RetaglyFixtures.product(RetaglyFixtures.barcode(2))]])
            #expect(push.status == 409 && push.errorCode == "session_completed")
            server.clock.advance(by: .seconds(3600))
            let late = try await server.call(.POST, "/retagly/batch/complete", body: body)
            #expect(late.status == 409)
            #expect(try await Self.status(server, id)["status"]?.stringValue == "completed")
        }
    }

    @Test("A session not completed within 30 minutes expires: 410 on push and complete, status expired, nothing saved")
    func expiry() async throws {
        try await Server.run { server in
            let id = try await Self.session(server, [RetaglyFixtures.product(RetaglyFixtures.barcode(1))])
            server.clock.advance(by: .seconds(1799))
            let push = try await server.call(
                .POST, "/retagly/batch/push",
                body: ["sessionId": .string(id), "products": [RetaglyFixtures.product(RetaglyFixtures.barcode(2))]])
            #expect(push.status == 200)
            server.clock.advance(by: .seconds(1))
            let late = try await server.call(
                .POST, "/retagly/batch/push",
                body: ["sessionId": .string(id), "products": [RetaglyFixtures.product(RetaglyFixtures.barcode(3))]])
            #expect(late.status == 410 && late.errorCode == "session_expired")
            let complete = try await server.call(.POST, "/retagly/batch/complete", body: ["sessionId": .string(id)])
            #expect(complete.status == 410 && complete.errorCode == "session_expired")
            let status = try await Self.status(server, id)
            #expect(status["status"]?.stringValue == "expired" && status["phase"] == .null)
            #expect(status["productsTotal"]?.intValue == 2 && status["productsSaved"]?.intValue == 0)
            server.clock.advance(by: .seconds(600))
            #expect(server.sandbox.products(token: Server.tokenA).isEmpty)
        }
    }

    @Test("Completing a session with no products answers 400 and leaves it open")
    func emptyComplete() async throws {
        try await Server.run { server in
            let id = try await Self.session(server, [])
            let reply = try await server.call(.POST, "/retagly/batch/complete", body: ["sessionId": .string(id)])
            #expect(reply.status == 400 && reply.errorCode == "bad_request")
            #expect(try await Self.status(server, id)["status"]?.stringValue == "open")
            let missing = try await server.call(.POST, "/retagly/batch/complete", body: [:])
            #expect(missing.status == 400)
            let unknown = try await server.call(.POST, "/retagly/batch/complete", body: ["sessionId": "bs_unknown"])
            #expect(unknown.status == 404 && unknown.errorCode == "session_not_found")
        }
    }

    @Test("On a real-time clock, processing runs with the wall clock and a test can jump it ahead")
    func realTimeClock() async throws {
        var timing = RetaglyTiming()
        timing.minimumSaving = .seconds(30)
        try await Server.run(clock: SandboxClock(mode: .realTime), timing: timing) { server in
            let id = try await Self.session(server, [RetaglyFixtures.product(RetaglyFixtures.barcode(1))])
            _ = try await server.call(.POST, "/retagly/batch/complete", body: ["sessionId": .string(id)])
            let early = try await Self.status(server, id)
            #expect(early["status"]?.stringValue == "processing" && early["phase"]?.stringValue == "saving")
            server.clock.advance(by: .seconds(30 + 15 + 30))
            let late = try await Self.status(server, id)
            #expect(late["status"]?.stringValue == "completed" && late["productsSaved"]?.intValue == 1)
        }
    }
}
