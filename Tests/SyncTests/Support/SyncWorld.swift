import Core
import Foundation
import Logging
import Sandbox
import ServiceLifecycle
import Store
import Sync
import TestSupport
import Upstream

/// A running sandbox, a state directory and a store catalog file: the world a daemon instance
/// (``withDaemon(_:_:)``) syncs in. Several daemon instances can run one after the other on the same
/// state directory (a restart).
struct SyncWorld: Sendable {
    static let clientID = "rd_client_sandbox"
    static let apiKey = "sk_test_sandbox"

    let sandbox: Sandbox
    let directory: TemporaryDirectory
    let logs: LogCapture

    var stateDirectory: String { directory.appending("state") }
    var catalogPath: String { directory.appending("catalog.csv") }

    /// A sandbox with `products` products on a manual clock at ``SandboxTesting/start`` and a
    /// generous account unless told otherwise.
    static func sandboxConfiguration(
        products: Int = 40, requestsPerMinute: Int = 100_000, requestsPerDay: Int = 1_000_000,
        credits: Credits = Credits(100_000), clock: SandboxClock? = nil
    ) -> SandboxConfiguration {
        var configuration = SandboxTesting.configuration(products: products, clock: clock)
        configuration.clients = [
            SandboxClientAccount(
                id: clientID, apiKey: apiKey, requestsPerMinute: requestsPerMinute, requestsPerDay: requestsPerDay,
                credits: credits)
        ]
        return configuration
    }

    /// Runs `body` in a fresh world.
    static func run<T>(
        _ configuration: SandboxConfiguration = sandboxConfiguration(), _ body: (SyncWorld) async throws -> T
    ) async throws -> T {
        try await Sandbox.withRunning(configuration, logger: SandboxTesting.logger) { sandbox in
            try await withTemporaryDirectory("sync") { directory in
                try await body(SyncWorld(sandbox: sandbox, directory: directory, logs: LogCapture()))
            }
        }
    }

    /// Writes the store catalog with `barcodes` (and raw `extraLines` after them).
    func writeCatalog(_ barcodes: [String], extraLines: [String] = []) throws {
        var text = "barcode,name,price\n"
        for (index, barcode) in barcodes.enumerated() { text += "\(barcode),Product \(index),\(index + 1).99\n" }
        for line in extraLines { text += line + "\n" }
        try text.write(toFile: catalogPath, atomically: true, encoding: .utf8)
    }

    /// The current products of the sandbox that are not in-store codes, in listing order.
    var products: [SandboxProduct] {
        sandbox.products.filter { Barcode($0.barcode).map { !$0.isInStore } ?? false }
    }

    /// Ledger entries of `endpoint` (all, or from `index` on).
    func ledger(_ endpoint: SandboxEndpoint, from index: Int = 0) -> [LedgerEntry] {
        sandbox.ledger().dropFirst(index).filter { $0.endpoint == endpoint.rawValue }
    }

    /// Credits the ledger shows debited from `index` on.
    func credits(from index: Int = 0) -> Credits {
        sandbox.ledger().dropFirst(index).reduce(.zero) { $0 + $1.creditsDebited }
    }

    /// Product fetches per barcode in the ledger from `index` on.
    func fetchesPerBarcode(from index: Int = 0) -> [String: Int] {
        ledger(.productGet, from: index).reduce(into: [:]) { counts, entry in
            if let barcode = entry.barcode { counts[barcode, default: 0] += 1 }
        }
    }

    /// Reads the state directory's database without running a daemon.
    func readState<T: Sendable>(_ body: @Sendable (ReadConnection) throws -> T) async throws -> T {
        let database = try await Database.open(directory: stateDirectory, logger: SandboxTesting.logger)
        do {
            let value = try await database.read(body)
            try await database.close()
            return value
        } catch {
            try? await database.close()
            throw error
        }
    }

    /// Runs one daemon instance (database, upstream client, fetcher, sync engine, catalog watcher
    /// in a `ServiceGroup`) for `body`, then shuts it down gracefully and closes the database.
    func withDaemon<T>(
        _ options: DaemonOptions = DaemonOptions(), _ body: (SyncDaemon) async throws -> T
    )
        async throws -> T
    {
        let logger = logs.logger()
        let metrics = RecordingMetrics()
        let database = try await Database.open(directory: stateDirectory, logger: logger)
        var upstream = UpstreamConfiguration(
            baseURL: sandbox.retailDigitalsBaseURL,
            credentials: UpstreamCredentials(clientID: Self.clientID, apiKey: .init(Self.apiKey)),
            include: options.fetch.include, variants: options.fetch.variants, dailyCreditLimit: nil, scanReserve: 0.2,
            requestTimeout: .seconds(30), callDeadline: .seconds(60), maxImageBytes: 10 << 20,
            retry: RetryPolicy(maximumAttempts: 4, baseDelay: .milliseconds(5), maximumDelay: .milliseconds(40)),
            lowCreditWarning: nil)
        options.configureUpstream(&upstream)
        // One clock, as the daemon passes it: a test on a manual clock lets short waits pass
        // (`ManualClock.passingShortWaits`), or the client's pacing waits for it.
        let client = RetailDigitalsClient(
            configuration: upstream, httpClient: SandboxTestClient.http,
            tokens: StoreTokenPersistence(database: database, clock: options.clock),
            spend: StoreSpendLedger(database: database), logger: logger, metrics: metrics, clock: options.clock)
        await client.start()
        let watcher = CatalogWatcher(
            path: options.catalog ? catalogPath : nil, clock: options.clock, logger: logger)
        let fetcher = ProductFetcher(
            client: client, database: database, configuration: options.fetch, clock: options.clock, logger: logger,
            metrics: metrics)
        let engine = SyncEngine(
            database: database, fetcher: fetcher, client: client, configuration: options.sync,
            catalog: { watcher.snapshot() }, clock: options.clock, logger: logger, metrics: metrics)
        let daemon = SyncDaemon(
            world: self, database: database, client: client, fetcher: fetcher, engine: engine, watcher: watcher,
            metrics: metrics)
        let group = ServiceGroup(services: [fetcher, engine], logger: logger)
        do {
            let result = try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                do {
                    let value = try await body(daemon)
                    await group.triggerGracefulShutdown()
                    try await tasks.waitForAll()
                    return value
                } catch {
                    await group.triggerGracefulShutdown()
                    try? await tasks.waitForAll()
                    throw error
                }
            }
            try await database.close()
            return result
        } catch {
            try? await database.close()
            throw error
        }
    }
}

/// How a test daemon instance is set up.
struct DaemonOptions: Sendable {
    var sync = SyncConfiguration(
        clientID: SyncWorld.clientID, overlap: .seconds(600), concurrency: 4, bulkCheck: true,
        negativeTTL: .seconds(7 * 86_400), retryPassDelay: .zero, keepScanned: .seconds(30 * 86_400))
    var fetch = FetcherConfiguration(
        include: [.productMeta, .images], variants: [.front], minFreeBytes: 64 << 20, maxImageBytes: 0)
    var catalog = true
    var clock = WallClock.system
    var configureUpstream: @Sendable (inout UpstreamConfiguration) -> Void = { _ in }
}
