import Core
import Foundation
import Logging
import MetricsTestKit
import Sandbox
import ServiceLifecycle
import Store
import TestSupport
import Testing

@testable import Shelf

@Suite("Delivering through Retagly trouble")
struct ShelfFaultTests {
    @Test("429 storms, 5xx answers and cut connections back off and deliver everything exactly once")
    func backsOff() async throws {
        var faults = RetaglyFaults()
        faults.serverErrorRate = 0.3
        faults.rateLimitStormRate = 0.15
        faults.stormLength = 3
        faults.connectionCloseRate = 0.1
        try await ShelfTestbed.run(faults: faults, seed: 7) { testbed in
            for n in 1...12 {
                await testbed.send([ShelfSamples.product(ShelfSamples.barcode(n), name: "P\(n)", price: "1.\(n + 10)")])
                try await testbed.waitUntil("product \(n) is delivered") { try await testbed.isDrained() }
            }
            let products = testbed.harness.products
            for n in 1...12 {
                #expect(products[ShelfSamples.barcode(n).digits]?.price == ShelfSamples.money("1.\(n + 10)"))
            }
            let faulted = testbed.ledger.filter(\.injected)
            #expect(faulted.contains { $0.fault == .rateLimitStorm })
            #expect(faulted.contains { $0.fault == .serverError })
            #expect(testbed.ledger.contains { $0.status == 429 } && testbed.ledger.contains { $0.status >= 500 })
            #expect(testbed.harness.sandbox.writes(token: RetaglyHarness.token).count == 12)
            #expect(testbed.harness.unexcusedRepeats.isEmpty)
        }
    }

    @Test("Changes accepted while Retagly is down wait in the outbox and go out when it is back")
    func downForAStretch() async throws {
        try await ShelfTestbed.run { testbed in
            testbed.harness.sandbox.setDown(true)
            await testbed.send([ShelfSamples.product(ShelfSamples.barcode(1))])
            try await testbed.waitUntil("the pusher has met the outage", advancing: .zero) {
                testbed.ledger.filter { $0.fault == .down }.count >= 3
            }
            let status = JSONValueEncoder.json(await testbed.outbox.status())
            #expect(status["outbox_depth"] == 1)
            #expect(status["oldest_pending_at"]?.stringValue != nil)
            testbed.harness.sandbox.setDown(false)
            try await testbed.waitUntil("the product is delivered") { try await testbed.isDrained() }
            #expect(testbed.harness.products[ShelfSamples.barcode(1).digits] != nil)
        }
    }

    @Test("A change accepted before the process died is delivered by a new pusher on the same state directory")
    func survivesAKill() async throws {
        try await ShelfTestbed.run(startPusher: false) { testbed in
            await testbed.send([ShelfSamples.product(ShelfSamples.barcode(42), name: "Survivor", price: "3.33")])
            // The first database is left as a killed process leaves it: open, never closed. A second
            // one opens the same files, as the restarted daemon would.
            let logger = Logger(label: "restart", factory: { _ in SwiftLogNoOpLogHandler() })
            let reopened = try await Database.open(directory: testbed.directory.path, logger: logger)
            let outbox = ShelfOutbox(
                database: reopened, maximumChanges: 100, statusItemErrors: 10, logger: logger,
                metrics: ShelfMetrics(factory: testbed.metrics))
            do {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    let pusher = testbed.makePusher(outbox: outbox)
                    group.addTask { try await pusher.run() }
                    defer { group.cancelAll() }
                    try await testbed.waitUntil("the change is delivered") {
                        try await reopened.read { try $0.shelfOutboxSummary().depth == 0 }
                    }
                }
                try await reopened.close()
            } catch {
                try? await reopened.close()
                throw error
            }
            #expect(testbed.harness.products[ShelfSamples.barcode(42).digits]?.name == "Survivor")
        }
    }

    @Test("The pusher ends on graceful shutdown, and the store token never reaches a log line")
    func gracefulShutdownAndNoToken() async throws {
        var faults = RetaglyFaults()
        faults.serverErrorRate = 0.3
        try await ShelfTestbed.run(faults: faults, startPusher: false) { testbed in
            let pusher = testbed.makePusher()
            let group = ServiceGroup(
                configuration: .init(
                    services: [pusher], logger: Logger(label: "group", factory: { _ in SwiftLogNoOpLogHandler() })))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                await testbed.send([
                    ShelfSamples.product(ShelfSamples.barcode(5)),
                    ShelfSamples.change(ShelfSamples.barcode(6), [("stock", 1)]),
                ])
                try await testbed.waitUntil("the deliverable product is delivered") { try await testbed.isDrained() }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            let lines = testbed.logs.all
            #expect(lines.contains { $0.contains("shelf push stopped") })
            #expect(!lines.joined(separator: "\n").contains(RetaglyHarness.token))
        }
    }

    @Test("A wrong store token is refused, logged as an error without the token, and nothing is lost")
    func wrongToken() async throws {
        try await ShelfTestbed.run(startPusher: false) { testbed in
            var configuration = testbed.configuration
            configuration.token = Secret("rt_wrong_token_value")
            let pusher = testbed.makePusher(configuration: configuration)
            await testbed.send([ShelfSamples.product(ShelfSamples.barcode(9))])
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await pusher.run() }
                defer { group.cancelAll() }
                try await testbed.waitUntil("Retagly refused twice", advancing: .zero) {
                    let counters = testbed.metrics.counters(
                        label: "storesync_shelf_requests_total", dimensions: [("endpoint", "add"), ("status", "401")])
                    return (counters.first?.totalValue ?? 0) >= 2
                }
            }
            let lines = testbed.logs.all
            #expect(lines.contains { $0.hasPrefix("error") && $0.contains("refused") })
            #expect(!lines.joined().contains("rt_wrong_token_value"))
            #expect(try await testbed.summary().depth == 1)
            let depth = try testbed.metrics.expectGauge("storesync_shelf_outbox_depth")
            #expect(depth.lastValue == 1)
        }
    }
}
