import Core
import Foundation
import Sandbox
import TestSupport
import Testing

/// Injected faults and the per-token rate limit, over real HTTP.
@Suite("Retagly faults and rate limit")
struct RetaglyFaultTests {
    typealias Server = RetaglyTestServer
    let barcode = RetaglyFixtures.barcode(5)

    @Test("While down every call answers 503 without saving; down for a stretch sends Retry-After and recovers")
    func down() async throws {
        try await Server.run { server in
            server.sandbox.setDown(true)
            let add = try await server.send("add", [RetaglyFixtures.product(barcode)])
            #expect(add.status == 503 && add.errorCode == "service_unavailable")
            let unauthorized = try await server.call(.POST, "/retagly/batch/start", token: nil, body: [:])
            #expect(unauthorized.status == 503)
            #expect(server.sandbox.products(token: Server.tokenA).isEmpty)
            server.sandbox.setDown(false)
            var faults = RetaglyFaults()
            faults.downUntil = server.clock.now().addingTimeInterval(90)
            server.sandbox.setFaults(faults)
            let stretch = try await server.send("add", [RetaglyFixtures.product(barcode)])
            #expect(stretch.status == 503)
            #expect(stretch.header("Retry-After") == "90")
            server.clock.advance(by: .seconds(90))
            #expect(try await server.send("add", [RetaglyFixtures.product(barcode)]).status == 200)
            let ledger = server.sandbox.ledger()
            #expect(ledger.map(\.fault) == [.down, .down, .down, nil])
            #expect(ledger.filter(\.applied).count == 1)
        }
    }

    @Test("5xx faults replace answers without saving, and the same seed gives the same faults")
    func serverErrors() async throws {
        var faults = RetaglyFaults()
        faults.serverErrorRate = 0.5
        let runs = try await [UInt64(7), 7, 8].asyncMap { seed in
            try await Server.run(seed: seed, faults: faults) { server in
                var statuses: [Int] = []
                for n in 0..<24 {
                    let reply = try await server.send("add", [RetaglyFixtures.product(RetaglyFixtures.barcode(n))])
                    statuses.append(reply.status)
                    if reply.status >= 500 {
                        #expect(["internal_error", "service_unavailable"].contains(reply.errorCode ?? ""))
                    }
                }
                let saved = server.sandbox.products(token: Server.tokenA).count
                #expect(saved == statuses.filter { $0 == 200 }.count)
                #expect(server.sandbox.ledger().filter(\.injected).count == 24 - saved)
                return statuses
            }
        }
        #expect(runs[0] == runs[1])
        #expect(runs[0] != runs[2])
        #expect(runs[0].contains(200) && runs[0].contains { $0 >= 500 })
    }

    @Test("A 429 storm answers rate_limited with Retry-After for stormLength calls in a row, then passes")
    func storm() async throws {
        var faults = RetaglyFaults()
        faults.rateLimitStormRate = 1
        faults.stormLength = 3
        faults.stormRetryAfter = 4
        faults.endpoints = [.productUpdate]
        try await Server.run(faults: faults) { server in
            #expect(try await server.send("add", [RetaglyFixtures.product(barcode)]).status == 200)
            for _ in 0..<3 {
                let reply = try await server.send("productUpdate", [["barcode": .string(barcode), "price": 1]])
                #expect(reply.status == 429 && reply.errorCode == "rate_limited")
                #expect(reply.header("Retry-After") == "4")
            }
            server.sandbox.updateFaults { $0.rateLimitStormRate = 0 }
            #expect(try await server.send("productUpdate", [["barcode": .string(barcode), "price": 1]]).status == 200)
            #expect(server.sandbox.ledgerSummary().byFault[.rateLimitStorm] == 3)
        }
    }

    @Test("A delayed answer is processed normally and held back at least the delay")
    func delay() async throws {
        var faults = RetaglyFaults()
        faults.delayRate = 1
        faults.delay = .milliseconds(300)
        try await Server.run(faults: faults) { server in
            let started = ContinuousClock.now
            let reply = try await server.send("add", [RetaglyFixtures.product(barcode)])
            #expect(ContinuousClock.now - started >= .milliseconds(300))
            #expect(reply.status == 200)
            #expect(server.sandbox.products(token: Server.tokenA)[barcode] != nil)
            let entry = try #require(server.sandbox.ledger().last)
            #expect(entry.fault == .delay && entry.applied)
        }
    }

    @Test("A closed connection fails the call on the client and saves nothing")
    func connectionClosed() async throws {
        var faults = RetaglyFaults()
        faults.connectionCloseRate = 1
        try await Server.run(faults: faults) { server in
            let answered = try? await server.send("add", [RetaglyFixtures.product(barcode)])
            #expect(answered == nil, "the client got an answer: \(answered?.status ?? 0) \(answered?.text ?? "")")
            #expect(server.sandbox.products(token: Server.tokenA).isEmpty)
            #expect(server.sandbox.ledger().map(\.fault) == [.connectionClosed])
            server.sandbox.setFaults(.none)
            let after = try await server.send("add", [RetaglyFixtures.product(barcode)])
            #expect(after.status == 200)
        }
    }

    @Test("The per-token rate limit answers 429 with Retry-After to the end of the minute, per store")
    func rateLimit() async throws {
        try await Server.run(rateLimitPerMinute: 3) { server in
            // 20 s into a sandbox-clock minute.
            server.clock.set(to: Date(timeIntervalSince1970: 1_779_999_980))
            for _ in 0..<3 {
                #expect(try await server.call(.POST, "/retagly/batch/start", body: [:]).status == 200)
            }
            let limited = try await server.call(.POST, "/retagly/batch/start", body: [:])
            #expect(limited.status == 429 && limited.errorCode == "rate_limited")
            #expect(limited.header("Retry-After") == "40")
            let other = try await server.call(.POST, "/retagly/batch/start", token: Server.tokenB, body: [:])
            #expect(other.status == 200)
            server.clock.advance(by: .seconds(40))
            #expect(try await server.call(.POST, "/retagly/batch/start", body: [:]).status == 200)
            server.sandbox.setRateLimit(perMinute: nil)
            for _ in 0..<5 {
                #expect(try await server.call(.POST, "/retagly/batch/start", body: [:]).status == 200)
            }
        }
    }

    @Test("Injected faults happen in front of the API: they never count against the rate limit")
    func faultsNotCounted() async throws {
        var faults = RetaglyFaults()
        faults.serverErrorRate = 1
        try await Server.run(faults: faults, rateLimitPerMinute: 1) { server in
            for _ in 0..<3 {
                let reply = try await server.call(.POST, "/retagly/batch/start", body: [:])
                #expect(reply.status >= 500)
            }
            server.sandbox.setFaults(.none)
            let first = try await server.call(.POST, "/retagly/batch/start", body: [:])
            #expect(first.status == 200)
            let second = try await server.call(.POST, "/retagly/batch/start", body: [:])
            #expect(second.status == 429)
        }
    }

    @Test("Session faults: a failing session stops in display sync; unconfirmed displays end verification at 6 minutes")
    func sessionFaults() async throws {
        var faults = RetaglyFaults()
        faults.sessionFailureRate = 1
        try await Server.run(faults: faults) { server in
            let barcodes = (0..<20).map { RetaglyFixtures.barcode($0) }
            let id = try await RetaglyBatchTests.session(server, barcodes.map { RetaglyFixtures.product($0) })
            _ = try await server.call(.POST, "/retagly/batch/complete", body: ["sessionId": .string(id)])
            server.clock.advance(by: .seconds(600))
            let status = try await RetaglyBatchTests.status(server, id)
            #expect(status["status"]?.stringValue == "failed")
            #expect(status["productsSaved"]?.intValue == 20)
            #expect(status["message"]?.stringValue?.isEmpty == false)
            #expect((30..<80).contains(status["progress"]?.intValue ?? 0))
        }
        faults = RetaglyFaults()
        faults.unconfirmedDisplayRate = 0.5
        try await Server.run(faults: faults) { server in
            let barcodes = (0..<40).map { RetaglyFixtures.barcode($0) }
            let id = try await RetaglyBatchTests.session(server, barcodes.map { RetaglyFixtures.product($0) })
            _ = try await server.call(.POST, "/retagly/batch/complete", body: ["sessionId": .string(id)])
            // Saving 2 s, display sync 15 s: verification starts at 17 s and gives up after 12 checks.
            server.clock.advance(by: .seconds(17 + 11 * 30))
            var status = try await RetaglyBatchTests.status(server, id)
            #expect(status["status"]?.stringValue == "processing" && status["phase"]?.stringValue == "verifying")
            server.clock.advance(by: .seconds(30))
            status = try await RetaglyBatchTests.status(server, id)
            #expect(status["status"]?.stringValue == "completed")
            let confirmed = status["tagsConfirmed"]?.intValue ?? -1
            let total = status["tagsTotal"]?.intValue ?? -1
            #expect(total == RetaglyDisplays.count(for: barcodes))
            #expect(confirmed > 0 && confirmed < total)
        }
    }
}

extension Array where Element: Sendable {
    /// `map` with an async transform, one element after the other.
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
