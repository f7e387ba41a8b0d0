import Core
import Daemon
import Foundation
import Logging
import Sandbox
import Synchronization

extension DemoScenario {
    /// A daemon configured for the sandbox and the workspace, logging to the workspace's log file.
    static func makeDaemon(sandbox: Sandbox, workspace: DemoWorkspace) async throws -> StoreSyncDaemon {
        var configuration = DaemonConfiguration()
        configuration.upstream.baseURL = sandbox.retailDigitalsBaseURL
        configuration.upstream.clientID = "rd_client_demo"
        configuration.upstream.apiKey = Secret("sk_test_demo_store_042")
        configuration.storage.stateDirectory = workspace.stateDirectory
        configuration.listen.socketPath = workspace.socket
        configuration.catalog.path = workspace.catalog
        configuration.sync.enabled = false
        configuration.sync.concurrency = 4
        let sink = try LogFile(path: workspace.log)
        let logging = DaemonLogging(
            settings: configuration.log, redactor: SecretRedactor(), output: LogOutput { sink.append($0) },
            journald: false)
        let logger = Logger(label: "storesync", factory: { logging.makeHandler(label: $0) })
        let options = DaemonOptions(logging: logging, trapSignals: false)
        return try await StoreSyncDaemon.make(configuration: configuration, options: options, logger: logger)
    }
}

/// Appends log lines to a file (the demo keeps the terminal for the walkthrough).
final class LogFile: Sendable {
    private let handle: Mutex<FileHandle>

    init(path: String) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        handle = Mutex(try FileHandle(forWritingTo: URL(fileURLWithPath: path)))
    }

    func append(_ line: String) {
        handle.withLock { $0.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8)) }
    }
}
