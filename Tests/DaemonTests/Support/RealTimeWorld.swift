import Core
import Daemon
import Foundation
import Logging
import Sandbox
import TestSupport

/// A sandbox of both upstream APIs (real-time clock, generous account) and a daemon built in this
/// process exactly as `storesync serve` builds it from a configuration file, with its store catalog
/// and shelf push, answering on its real Unix socket.
struct RealTimeWorld: Sendable {
    static let clientID = "rd_client_sandbox"
    static let apiKey = "sk_test_sandbox"
    static let retaglyToken = "rt_store_sandbox"

    let sandbox: Sandbox
    let daemon: StoreSyncDaemon
    let socket: String

    /// A sandbox of `products` products, `ambiguous` pairs of them behind ambiguous 8-digit codes.
    static func sandboxConfiguration(products: Int = 40, ambiguous: Int = 2) -> SandboxConfiguration {
        var configuration = SandboxTesting.configuration(products: products, clock: SandboxClock(mode: .realTime))
        configuration.ambiguousProducts = ambiguous
        configuration.clients = [
            SandboxClientAccount(
                id: clientID, apiKey: apiKey, requestsPerMinute: 100_000, requestsPerDay: 1_000_000,
                credits: Credits(100_000))
        ]
        return configuration
    }

    /// Runs `body` with a sandbox and a daemon whose store catalog is `catalog(sandbox)` (CSV text);
    /// `settings` (dotted keys) and `environment` add to the configuration file and the loader's
    /// environment.
    static func run(
        _ configuration: SandboxConfiguration = sandboxConfiguration(), settings extra: [String: String] = [:],
        environment: [String: String] = [:], catalog: (Sandbox) -> String,
        _ body: (RealTimeWorld) async throws -> Void
    ) async throws {
        try await Sandbox.withRunning(configuration, logger: SandboxTesting.logger) { sandbox in
            try await withTemporaryDirectory("world") { directory in
                var settings = ServeConfiguration(
                    directory: directory.path, retailDigitalsURL: sandbox.retailDigitalsBaseURL)
                settings["shelf.base_url"] = sandbox.retaglyBaseURL
                settings["lookup.live_timeout"] = "10s"
                settings["log.level"] = "error"
                for (key, value) in extra { settings[key] = value }
                try catalog(sandbox).write(
                    toFile: directory.appending("catalog.csv"), atomically: true, encoding: .utf8)
                let path = try settings.write(to: directory.appending("storesync.yaml"))
                let loader = ConfigurationLoader(
                    path: path,
                    environment: ["RD_CLIENT_ID": clientID, "RD_API_KEY": apiKey, "RETAGLY_TOKEN": retaglyToken]
                        .merging(environment) { _, new in new },
                    defaultPath: directory.appending("absent.yaml"))
                let loaded = try await loader.load()
                let daemon = try await StoreSyncDaemon.make(
                    configuration: loaded.configuration, options: DaemonOptions(trapSignals: false),
                    logger: Logger(label: "world", factory: { _ in SwiftLogNoOpLogHandler() }))
                let world = RealTimeWorld(sandbox: sandbox, daemon: daemon, socket: settings.socketPath)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await daemon.run() }
                    do {
                        try await eventually("the socket to serve") {
                            (try? await world.get("/healthz"))?.status == 200
                        }
                        try await body(world)
                    } catch {
                        await daemon.shutdown()
                        try? await group.waitForAll()
                        throw error
                    }
                    await daemon.shutdown()
                    try await group.waitForAll()
                }
            }
        }
    }

    /// `GET path` on the daemon's socket.
    func get(_ path: String) async throws -> (status: Int, json: JSONValue?) {
        try await DaemonSocket.get(socket, path)
    }

    /// `POST path` with a JSON body on the daemon's socket.
    func post(_ path: String, _ json: JSONValue) async throws -> (status: Int, json: JSONValue?) {
        try await DaemonSocket.post(socket, path, json: json.jsonText)
    }

    /// Ledger entries of `endpoint` from `index` on.
    func ledger(_ endpoint: SandboxEndpoint, from index: Int = 0) -> [LedgerEntry] {
        sandbox.ledger().dropFirst(index).filter { $0.endpoint == endpoint.rawValue }
    }

    /// The products the store's Retagly displays hold now, by the barcode Retagly received.
    var shelf: [String: RetaglyProduct] { sandbox.retagly.products(token: Self.retaglyToken) }
}
