import Core
import Daemon
import Foundation
import Logging
import Lookup
import Sandbox
import Store
import Sync
import TestSupport

/// A store in a box: the sandbox of both upstream APIs and a whole in-process daemon (every
/// service, the real Unix socket, a real SQLite file) on one manual clock, so a test or a benchmark
/// lives through days in seconds. Scans and syncs go through the socket, as a POS sends them.
///
/// The clocks stand still but for short waits (up to ``shortWait``: the upstream client's pacing
/// and retry backoff), which pass at once, as they would in a store; longer ones wait for the test.
public struct StoreWorld: Sendable {
    public static let clientID = "rd_client_sandbox"
    public static let apiKey = "sk_test_sandbox"

    public let sandbox: Sandbox
    public let daemon: StoreSyncDaemon
    public let clock: ManualClock
    public let directory: TemporaryDirectory
    public var socket: String { daemon.configuration.listen.socketPath }
    public var catalogPath: String { directory.appending("catalog.csv") }

    /// How a world is set up.
    public struct Setup: Sendable {
        public var products = 60
        public var seed: UInt64 = 1
        public var requestsPerMinute = 100_000
        public var requestsPerDay = 1_000_000
        public var credits = Credits(1_000_000)
        /// `storage.metadata_ttl`: a simulated day.
        public var metadataTTL: Duration = .seconds(86_400)
        /// `sync.keep_scanned`.
        public var keepScanned: Duration = .seconds(30 * 86_400)
        /// Changes the daemon's configuration last.
        public var configure: @Sendable (inout DaemonConfiguration) -> Void = { _ in }

        public init() {}
    }

    /// Runs `body` in a fresh world, then shuts the daemon down.
    public static func run<T: Sendable>(
        _ setup: Setup = Setup(), catalog: @Sendable (Sandbox) -> [String], _ body: (StoreWorld) async throws -> T
    ) async throws -> T {
        // Both clocks start at this machine's now: the upstream client dates a 429's resume on the
        // machine's clock, and the sync waits for that instant on the world's clock.
        var sandboxConfiguration = SandboxTesting.configuration(
            products: setup.products, seed: setup.seed, clock: SandboxClock(start: Date(), mode: .manual))
        sandboxConfiguration.clients = [
            SandboxClientAccount(
                id: clientID, apiKey: apiKey, requestsPerMinute: setup.requestsPerMinute,
                requestsPerDay: setup.requestsPerDay, credits: setup.credits)
        ]
        return try await Sandbox.withRunning(sandboxConfiguration, logger: SandboxTesting.logger) { sandbox in
            try await withTemporaryDirectory("world") { directory in
                let clock = ManualClock(sandbox.clock.now())
                var configuration = DaemonConfiguration()
                configuration.upstream.baseURL = sandbox.retailDigitalsBaseURL
                configuration.upstream.clientID = clientID
                configuration.upstream.apiKey = Secret(apiKey)
                configuration.storage.stateDirectory = directory.appending("state")
                configuration.storage.metadataTTL = setup.metadataTTL
                configuration.listen.socketPath = directory.appending("lookup.sock")
                configuration.catalog.path = directory.appending("catalog.csv")
                configuration.sync.enabled = false
                configuration.sync.concurrency = 4
                configuration.sync.keepScanned = setup.keepScanned
                // A scan's live fetch on a busy machine must not race the deadline (the deadline has
                // its own tests); what is measured here is what is bought and answered.
                configuration.lookup.liveTimeout = .seconds(20)
                setup.configure(&configuration)
                let world = try await StoreWorld.start(
                    sandbox: sandbox, directory: directory, clock: clock, configuration: configuration,
                    catalog: catalog(sandbox))
                return try await world.running(body)
            }
        }
    }

    private static func start(
        sandbox: Sandbox, directory: TemporaryDirectory, clock: ManualClock, configuration: DaemonConfiguration,
        catalog: [String]
    ) async throws -> StoreWorld {
        try StoreWorld.writeCatalog(catalog, sandbox: sandbox, to: directory.appending("catalog.csv"))
        let logger = Logger(label: "world", factory: { _ in SwiftLogNoOpLogHandler() })
        let options = DaemonOptions(trapSignals: false, scanFlushInterval: .seconds(3600), clock: clock.wallClock)
        let daemon = try await StoreSyncDaemon.make(configuration: configuration, options: options, logger: logger)
        return StoreWorld(sandbox: sandbox, daemon: daemon, clock: clock, directory: directory)
    }

    private func running<T: Sendable>(_ body: (StoreWorld) async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            let daemon = self.daemon
            tasks.addTask { try await daemon.run() }
            tasks.addTask { await clock.passShortWaits(upTo: Self.shortWait, following: sandbox.clock) }
            /// Shuts the daemon down; once it has ended, stops letting short waits pass.
            func stop() async throws {
                await daemon.shutdown()
                defer { tasks.cancelAll() }
                try await tasks.next()
            }
            do {
                await daemon.lookup.ready.wait()
                try await waitForCatalog()
                let value = try await body(self)
                try await stop()
                return value
            } catch {
                try? await stop()
                throw error
            }
        }
    }

    /// The longest wait on the clocks that passes at once.
    public static let shortWait = Duration.seconds(2)

    /// Writes the store catalog (`barcode,name,price`) for `barcodes`, as the POS exports it.
    static func writeCatalog(_ barcodes: [String], sandbox: Sandbox, to path: String) throws {
        var text = "barcode,name,price\n"
        for (index, barcode) in barcodes.enumerated() {
            text += "\(barcode),Item \(index),\(1 + index % 9).99\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    private func waitForCatalog() async throws {
        try await Self.eventually("the catalog to load") { daemon.catalog.snapshot()?.isLoaded == true }
    }
}
