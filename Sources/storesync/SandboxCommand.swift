import ArgumentParser
import Core
import Foundation
import Logging
import Sandbox
import ServiceLifecycle
import UnixSignals

/// `storesync sandbox`: runs the emulator of both upstream APIs (Retail Digitals under `/api/v1`,
/// Retagly under `/retagly`) until SIGINT or SIGTERM, and prints how to call it.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run the emulator of the Retail Digitals and Retagly APIs on loopback.",
        discussion: """
            Serves Retail Digitals under /api/v1, Retagly under /retagly and a control plane under \
            /_sandbox (advance the clock, change products, inject faults, read the ledger).
            """)

    @Option(help: "TCP port to listen on (0 picks a free one).")
    var port = 8780

    @Option(help: "Address to bind. The control plane has no auth: keep it on loopback.")
    var host = "127.0.0.1"

    @Option(help: "Number of products in the generated catalog.")
    var products = 3000

    @Option(help: "Seed of the generated catalog.")
    var seed: UInt64 = 1

    @Option(name: .customLong("fault-seed"), help: "Seed of injected-fault decisions.")
    var faultSeed: UInt64 = 1

    @Option(
        name: .customLong("client"),
        help: "A Retail Digitals client as ID:KEY[:RPM:RPD:CREDITS]; repeat for more (default rd_client_sandbox).")
    var clients: [String] = []

    @Option(
        name: .customLong("retagly-token"), help: "A Retagly store token; repeat for more (default rt_store_sandbox).")
    var retaglyTokens: [String] = []

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        guard products >= 1 else { throw ValidationError("--products must be at least 1") }
        for spec in clients {
            do { _ = try SandboxClientAccount(spec: spec) } catch { throw ValidationError("--client: \(error)") }
        }
    }

    func run() async throws {
        var configuration = SandboxConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.products = products
        configuration.seed = seed
        configuration.faultSeed = faultSeed
        if !clients.isEmpty { configuration.clients = try clients.map { try SandboxClientAccount(spec: $0) } }
        if !retaglyTokens.isEmpty { configuration.retaglyTokens = retaglyTokens }
        var logger = Logger(label: "storesync.sandbox") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = .info
        let sandbox = Sandbox(configuration: configuration, logger: logger)
        let group = ServiceGroup(services: [sandbox], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await sandbox.waitUntilBound()
            FileHandle.standardOutput.write(Data((Self.banner(sandbox, configuration) + "\n").utf8))
            try await tasks.waitForAll()
        }
    }

    /// The base URLs and a ready-to-paste curl session (token, then a product).
    static func banner(_ sandbox: Sandbox, _ configuration: SandboxConfiguration) -> String {
        let api = sandbox.retailDigitalsBaseURL
        let client = configuration.clients.first ?? .sandboxDefault
        let credentials = #"{"client_id":"\#(client.id)","api_key":"\#(client.apiKey)"}"#
        return """
            storesync sandbox: emulated upstream APIs (Ctrl-C to stop)
              Retail Digitals  \(api)
              Retagly          \(sandbox.retaglyBaseURL)   (tokens: \(configuration.retaglyTokens.joined(separator: ", ")))
              Control plane    \(sandbox.controlBaseURL)
              Catalog          \(configuration.products) products, seed \(configuration.seed)
              Clients          \(configuration.clients.map(\.id).joined(separator: ", "))

            Try it:
              TOKEN=$(curl -s -X POST \(api)/auth/token -H 'Content-Type: application/json' \\
                -d '\(credentials)' | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
              curl -s \(api)/products/017000161563 -H "Authorization: Bearer $TOKEN"
              curl -s \(api)/balance -H "Authorization: Bearer $TOKEN"
            """
    }
}
