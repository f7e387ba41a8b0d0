import Core
import Foundation
import Sandbox
import Store
import TestSupport
import Testing

@testable import Shelf

@Suite("Delivering many changes through batch sessions")
struct ShelfSessionTests {
    /// Whole products for barcodes `range`, named after their number.
    private func products(_ range: ClosedRange<Int>, price: String = "1.25") -> [JSONValue] {
        range.map { ShelfSamples.product(ShelfSamples.barcode($0), name: "Product \($0)", price: price) }
    }

    /// The sandbox's sessions of the harness store.
    private func sessions(_ testbed: ShelfTestbed) -> [RetaglySessionReport] {
        testbed.harness.sandbox.sessions(token: RetaglyHarness.token)
    }

    /// Whether every barcode of `range` is in the sandbox with `price`.
    private func delivered(_ testbed: ShelfTestbed, _ range: ClosedRange<Int>, price: String = "1.25") -> Bool {
        let products = testbed.harness.products
        return range.allSatisfy { products[ShelfSamples.barcode($0).digits]?.price == ShelfSamples.money(price) }
    }

    @Test("A hundred or more products go through one session, pushed a thousand at a time and followed to completed")
    func sessionToCompleted() async throws {
        try await ShelfTestbed.run(startPusher: false) { testbed in
            #expect(await testbed.send(products(1...1200)).status == 202)
            try await withThrowingTaskGroup(of: Void.self) { group in
                let pusher = testbed.makePusher()
                group.addTask { try await pusher.run() }
                defer { group.cancelAll() }
                try await testbed.waitUntil("the session completes", timeout: .seconds(60)) {
                    try await testbed.isDrained()
                }
            }
            #expect(delivered(testbed, 1...1200))
            let endpoints = testbed.ledger.map(\.endpoint)
            #expect(endpoints.filter { $0 == .batchStart }.count == 1)
            #expect(testbed.ledger.filter { $0.endpoint == .batchPush }.map(\.products.count) == [1000, 200])
            #expect(endpoints.filter { $0 == .batchComplete }.count == 1)
            #expect(endpoints.filter { $0 == .batchStatus }.count >= 2)
            #expect(!endpoints.contains(.add) && !endpoints.contains(.productUpdate))
            let report = try #require(sessions(testbed).first)
            #expect(report.status.status == .completed)
            let status = JSONValueEncoder.json(await testbed.outbox.status())
            let last = try #require(status["last_session"])
            #expect(last["session_id"] == .string(report.sessionId))
            #expect(last["status"] == "completed")
            #expect(last["products"] == 1200)
            #expect(last["tags_total"] == .int(report.status.tagsTotal))
            #expect(last["tags_confirmed"] == last["tags_total"])
            #expect(last["finished_at"]?.stringValue != nil)
            #expect(status["outbox_depth"] == 0)
            #expect(testbed.harness.unexcusedRepeats.isEmpty)
        }
    }

    @Test("A push Retagly kept but whose answer was lost is not pushed again: the session holds each product once")
    func lostPushAnswers() async throws {
        // Every push is stored and then answered only after the client has given up waiting.
        var faults = RetaglyFaults()
        faults.delayRate = 1
        faults.delay = .milliseconds(1500)
        faults.endpoints = [.batchPush]
        try await ShelfTestbed.run(faults: faults, configure: { $0.requestTimeout = .milliseconds(500) }) {
            testbed in
            #expect(await testbed.send(products(1...1200)).status == 202)
            try await testbed.waitUntil("the session completes", timeout: .seconds(60)) {
                try await testbed.isDrained()
            }
            #expect(delivered(testbed, 1...1200))
            #expect(testbed.ledger.filter { $0.endpoint == .batchPush }.map(\.products.count) == [1000, 200])
            // One session completes with each product once. (On a busy machine a session start can
            // time out too: that session is left empty and expires.)
            let reports = sessions(testbed)
            let completed = reports.filter { $0.status.status == .completed }
            #expect(completed.count == 1)
            #expect(completed.first?.status.productsTotal == 1200)
            #expect(reports.allSatisfy { $0.status.status == .completed || $0.status.productsTotal == 0 })
        }
    }

    @Test("A session that expires while its pushes fail is started again and completes")
    func expiredSessionRestarted() async throws {
        var faults = RetaglyFaults()
        faults.serverErrorRate = 1
        faults.endpoints = [.batchPush]
        try await ShelfTestbed.run(faults: faults) { testbed in
            await testbed.send(products(1...150))
            try await testbed.waitUntil("pushes fail", advancing: .zero) {
                testbed.ledger.contains { $0.endpoint == .batchPush && $0.injected }
            }
            testbed.harness.clock.advance(by: .seconds(31 * 60))
            testbed.harness.sandbox.setFaults(.none)
            try await testbed.waitUntil("the products are delivered") { try await testbed.isDrained() }
            #expect(delivered(testbed, 1...150))
            let reports = sessions(testbed)
            #expect(reports.count == 2)
            #expect(reports.first?.status.status == .expired)
            #expect(reports.last?.status.status == .completed)
            // After a failed push the pusher asks the session's status before pushing again, and so
            // learns of the expiry there (or from a push answered 410).
            let firstSession = try #require(reports.first?.sessionId)
            #expect(
                testbed.ledger.contains {
                    ($0.endpoint == .batchStatus && $0.sessionId == firstSession)
                        || ($0.endpoint == .batchPush && $0.errorCode == "session_expired")
                })
            let status = JSONValueEncoder.json(await testbed.outbox.status())
            #expect(status["last_session"]?["status"] == "completed")
            #expect(testbed.harness.unexcusedRepeats.isEmpty)
        }
    }

    @Test("A session Retagly fails is sent again in a new session, and the resend is the only repeat")
    func failedSessionRestarted() async throws {
        var faults = RetaglyFaults()
        faults.sessionFailureRate = 1
        try await ShelfTestbed.run(faults: faults) { testbed in
            await testbed.send(products(1...120))
            try await testbed.waitUntil("a session fails") {
                sessions(testbed).contains { $0.status.status == .failed }
            }
            testbed.harness.sandbox.updateFaults { $0.sessionFailureRate = 0 }
            try await testbed.waitUntil("the products are delivered") {
                try await testbed.isDrained() && sessions(testbed).contains { $0.status.status == .completed }
            }
            #expect(delivered(testbed, 1...120))
            let repeats = testbed.harness.sandbox.repeatedDeliveries(token: RetaglyHarness.token)
            #expect(!repeats.isEmpty, "the failed session had saved its products, so the resend repeats them")
            #expect(repeats.allSatisfy { $0.excuse != nil })
            let recorded = try await testbed.database.read { try $0.latestShelfSession() }
            #expect(recorded?.status == .completed)
        }
    }

    @Test("A session left processing by a stopped pusher is followed to completion by the next one, not sent again")
    func resumedAfterStop() async throws {
        try await ShelfTestbed.run(startPusher: false) { testbed in
            await testbed.send(products(1...150))
            try await withThrowingTaskGroup(of: Void.self) { group in
                let first = testbed.makePusher()
                group.addTask { try await first.run() }
                defer { group.cancelAll() }
                try await testbed.waitUntil("the session is processing", advancing: .zero) {
                    try await testbed.database.read { try $0.unfinishedShelfSession()?.status == .processing }
                }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                let second = testbed.makePusher()
                group.addTask { try await second.run() }
                defer { group.cancelAll() }
                try await testbed.waitUntil("the products are delivered") { try await testbed.isDrained() }
            }
            #expect(delivered(testbed, 1...150))
            #expect(sessions(testbed).count == 1)
            #expect(testbed.ledger.filter { $0.endpoint == .batchPush }.count == 1)
            #expect(testbed.harness.sandbox.writes(token: RetaglyHarness.token).count == 150)
        }
    }

    @Test("Changes to other products go out directly while a session verifies; its own products wait for it")
    func directWhileFollowing() async throws {
        try await ShelfTestbed.run { testbed in
            await testbed.send(products(1...150))
            try await testbed.waitUntil("the session is processing", advancing: .zero) {
                try await testbed.database.read { try $0.unfinishedShelfSession()?.status == .processing }
            }
            await testbed.send([
                ShelfSamples.product(ShelfSamples.barcode(500), name: "Late", price: "9.99"),
                ShelfSamples.change(ShelfSamples.barcode(1), [("price", "2.00")]),
            ])
            try await testbed.waitUntil("the other product is delivered", advancing: .zero) {
                testbed.harness.products[ShelfSamples.barcode(500).digits] != nil
            }
            #expect(try await testbed.database.read { try $0.unfinishedShelfSession() } != nil)
            try await testbed.waitUntil("everything is delivered") { try await testbed.isDrained() }
            #expect(testbed.harness.products[ShelfSamples.barcode(1).digits]?.price == ShelfSamples.money("2.00"))
            #expect(delivered(testbed, 2...150))
            #expect(testbed.harness.unexcusedRepeats.isEmpty)
        }
    }

    @Test("Products a session could not save are sent again whole, and the rest is confirmed")
    func sessionItemErrors() async throws {
        try await ShelfTestbed.run { testbed in
            // storesync believes Retagly has these 120 products; Retagly has none of them.
            try await testbed.database.write { connection in
                for n in 1...120 {
                    let fields = ShelfFields(name: "Known \(n)", price: Money(cents: 100))
                    try connection.recordShelfDelivery(
                        ShelfSamples.barcode(n), delivered: fields.storedJSON.jsonText, through: 0, at: UnixMillis.now()
                    )
                }
            }
            await testbed.send((1...120).map { ShelfSamples.change(ShelfSamples.barcode($0), [("price", "1.25")]) })
            try await testbed.waitUntil("the products are delivered") { try await testbed.isDrained() }
            let reports = sessions(testbed)
            #expect(reports.count == 2)
            #expect(reports.first?.status.errors.count == 120)
            #expect(reports.last?.status.productsSaved == 120)
            #expect(delivered(testbed, 1...120))
            #expect(testbed.harness.products[ShelfSamples.barcode(3).digits]?.name == "Known 3")
            let status = JSONValueEncoder.json(await testbed.outbox.status())
            #expect(status["item_errors"] == [])
        }
    }

    @Test("A session that stays processing past the deadline is given up and its products go in a new one")
    func stuckSessionAbandoned() async throws {
        try await ShelfTestbed.run(configure: { $0.sessionDeadline = .milliseconds(100) }) { testbed in
            await testbed.send(products(1...100))
            try await testbed.waitUntil("a session is given up and another started", advancing: .zero) {
                testbed.ledger.filter { $0.endpoint == .batchStart && $0.status == 200 }.count >= 2
            }
            #expect(testbed.logs.all.contains { $0.contains("without completing") && $0.contains("still processing") })
            try await testbed.waitUntil("the products are delivered") { try await testbed.isDrained() }
            #expect(delivered(testbed, 1...100))
            #expect(sessions(testbed).count >= 2)
        }
    }
}
