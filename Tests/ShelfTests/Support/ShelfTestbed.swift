import AsyncHTTPClient
import Core
import Foundation
import Logging
import MetricsTestKit
import Sandbox
import Store
import TestSupport

@testable import Shelf

/// One test's world: a Retagly sandbox on loopback, a fresh state directory with its database, an
/// outbox, and (unless told otherwise) a pusher running in the background with fast test pacing.
struct ShelfTestbed: Sendable {
    let harness: RetaglyHarness
    let directory: ShelfTestDirectory
    let database: Database
    let outbox: ShelfOutbox
    let configuration: ShelfConfiguration
    let logs: LogCapture
    let metrics: TestMetrics

    /// Test pacing: millisecond polls and backoff, `Retry-After` honoured up to 10 ms.
    static func configuration(baseURL: String) -> ShelfConfiguration {
        var configuration = ShelfConfiguration(baseURL: baseURL, token: Secret(RetaglyHarness.token))
        configuration.pollInterval = .milliseconds(5)
        configuration.backoffBase = .milliseconds(2)
        configuration.backoffCap = .milliseconds(20)
        configuration.maximumRetryAfter = .milliseconds(10)
        configuration.collectDelay = .milliseconds(1)
        configuration.requestTimeout = .seconds(10)
        return configuration
    }

    /// Sets up the world, runs `body`, tears everything down.
    static func run<T: Sendable>(
        faults: RetaglyFaults = .none, timing: RetaglyTiming = .default, seed: UInt64 = 1,
        rateLimitPerMinute: Int? = 600, startPusher: Bool = true,
        catalog: [Barcode: CatalogEntry] = [:], configure: (inout ShelfConfiguration) -> Void = { _ in },
        _ body: (ShelfTestbed) async throws -> T
    ) async throws -> T {
        try await RetaglyHarness.run(seed: seed, timing: timing, faults: faults, rateLimitPerMinute: rateLimitPerMinute)
        {
            harness in
            let directory = try ShelfTestDirectory()
            defer { directory.remove() }
            let logs = LogCapture()
            let metrics = TestMetrics()
            var configuration = Self.configuration(baseURL: harness.baseURL)
            configure(&configuration)
            let database = try await Database.open(directory: directory.path, logger: logs.logger("store"))
            let outbox = ShelfOutbox(
                database: database, maximumChanges: configuration.maximumChangesPerRequest,
                statusItemErrors: configuration.statusItemErrors, logger: logs.logger(),
                metrics: ShelfMetrics(factory: metrics))
            let testbed = ShelfTestbed(
                harness: harness, directory: directory, database: database, outbox: outbox,
                configuration: configuration, logs: logs, metrics: metrics)
            do {
                let result = try await withThrowingTaskGroup(of: Void.self) { group in
                    if startPusher {
                        let pusher = testbed.makePusher(catalog: catalog)
                        group.addTask { try await pusher.run() }
                    }
                    defer { group.cancelAll() }
                    return try await body(testbed)
                }
                try await database.close()
                return result
            } catch {
                try? await database.close()
                throw error
            }
        }
    }

    /// A pusher on `outbox` (by default this testbed's) with the test pacing.
    func makePusher(
        outbox: ShelfOutbox? = nil, catalog: [Barcode: CatalogEntry] = [:], catalogAsOf: Date? = nil,
        configuration: ShelfConfiguration? = nil
    ) -> ShelfPusher {
        ShelfPusher(
            configuration: configuration ?? self.configuration, outbox: outbox ?? self.outbox,
            httpClient: HTTPClient.shared, logger: logs.logger("pusher"), catalog: { catalog },
            catalogAsOf: { catalogAsOf }, wallClock: { Date() }, idleInterval: .milliseconds(50))
    }

    /// Hands `products` to the outbox as the socket would.
    @discardableResult
    func send(_ products: [JSONValue]) async -> ShelfAnswer {
        await outbox.accept(body: Array(JSONValue.object([("products", .array(products))]).jsonText.utf8))
    }

    /// Waits until `condition` holds, advancing the sandbox clock by `step` every couple of
    /// milliseconds (batch phases pass in sandbox time); fails after `timeout` of real time.
    func waitUntil(
        _ what: String, advancing step: Duration = .seconds(5), timeout: Duration = .seconds(60),
        _ condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            if try await condition() { return }
            guard ContinuousClock.now < deadline else { throw HarnessFailure("timed out waiting until \(what)") }
            harness.clock.advance(by: step)
            try await Task.sleep(for: .milliseconds(2))
        }
    }

    /// The outbox summary now.
    func summary() async throws -> ShelfOutboxSummary {
        try await database.read { try $0.shelfOutboxSummary() }
    }

    /// Whether the outbox holds nothing deliverable and no session is in flight.
    func isDrained() async throws -> Bool {
        try await database.read { connection in
            try connection.shelfOutboxSummary().depth == 0 && connection.unfinishedShelfSession() == nil
        }
    }

    /// The ledger of the harness store.
    var ledger: [RetaglyLedgerEntry] { harness.sandbox.ledger(token: RetaglyHarness.token) }
}
