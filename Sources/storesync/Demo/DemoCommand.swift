import ArgumentParser
import Core
import Daemon
import Foundation
import Logging
import Sandbox
import UnixSignals

/// `storesync demo`: the embedded default. A local sandbox of both upstream APIs with a generated
/// catalog, and a real daemon wired to it on temporary paths: a first sync with progress, a few
/// changes upstream, a delta sync, lookups through the socket, the status, where the images are and
/// how to call the socket. Ctrl-C stops both and removes the temporary files.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "See storesync work against a local sandbox, no account needed.")

    @Option(help: "Products in the sandbox's generated catalog.")
    var products = 3000

    @Option(help: "How many of them the demo store carries (its catalog CSV).")
    var carried = 150

    @Flag(help: "Exit after the walkthrough instead of serving until Ctrl-C.")
    var noWait = false

    @Flag(help: "Keep the temporary state directory (database, images, logs) after exit.")
    var keep = false

    func validate() throws {
        guard (1...100_000).contains(products) else { throw ValidationError("--products must be 1…100000") }
        guard (1...min(products, 5000)).contains(carried) else {
            throw ValidationError("--carried must be 1…min(--products, 5000)")
        }
    }

    func run() async throws {
        let workspace = try DemoWorkspace.make()
        defer { if !keep { workspace.remove() } }
        var sandboxConfiguration = SandboxConfiguration()
        sandboxConfiguration.products = products
        sandboxConfiguration.clients = [
            SandboxClientAccount(
                id: "rd_client_demo", apiKey: "sk_test_demo_store_042", requestsPerMinute: 1200,
                requestsPerDay: 50_000, credits: Credits(10_000))
        ]
        let quiet = Logger(label: "sandbox", factory: { _ in SwiftLogNoOpLogHandler() })
        try await Sandbox.withRunning(sandboxConfiguration, logger: quiet) { sandbox in
            let scenario = try await DemoScenario.make(sandbox: sandbox, workspace: workspace, carried: carried)
            try await scenario.run(waitForInterrupt: !noWait, keep: keep)
        }
    }
}
