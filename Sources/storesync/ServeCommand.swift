import ArgumentParser
import Daemon
import Foundation
import Logging

/// `storesync serve [--config FILE] [--check-config | --example-config]`: the daemon in the foreground (systemd
/// `Type=notify`; logs to stderr / journald).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the daemon in the foreground (as systemd does).",
        discussion: """
            Reads the configuration file (default /etc/storesync/storesync.yaml) under STORESYNC_* environment \
            overrides, credentials from systemd credentials, files or RD_CLIENT_ID / RD_API_KEY. SIGTERM or \
            SIGINT stop it gracefully; SIGHUP reloads the schedule, budgets and log level. Exit status 78 \
            means the configuration is invalid.
            """)

    @Option(help: "The configuration file (default /etc/storesync/storesync.yaml).")
    var config: String?

    @Flag(help: "Validate the configuration, print the effective one with secrets redacted, and exit.")
    var checkConfig = false

    @Flag(help: "Print the example configuration (every key at its default, each with a comment) and exit.")
    var exampleConfig = false

    func run() async throws {
        if exampleConfig {
            print(DaemonConfiguration.exampleFileText, terminator: "")
            return
        }
        let environment = ProcessInfo.processInfo.environment
        EventLoopSizing.apply(environment: environment)
        MemoryTuning.apply(environment: environment)
        let loader = ConfigurationLoader(path: config, environment: environment)
        let loaded: LoadedConfiguration
        do { loaded = try await loader.load() } catch {
            CLIOutput.error("the configuration is invalid:\n\(error)")
            throw ExitCode(78)
        }
        if checkConfig {
            for warning in loaded.warnings { CLIOutput.note("warning: \(warning)") }
            print(loaded.configuration.effectiveConfigurationText(redacted: true), terminator: "")
            CLIOutput.note("the configuration is valid")
            return
        }
        let logging = DaemonLogging(
            settings: loaded.configuration.log, redactor: SecretRedactor(), environment: environment)
        LoggingSystem.bootstrap { logging.makeHandler(label: $0) }
        let logger = Logger(label: "storesync")
        for warning in loaded.warnings { logger.warning("\(warning)") }
        let inherited = SocketActivation.takeInheritedSockets(environment: environment)
        let options = DaemonOptions(
            loader: loader, logging: logging, notifier: SystemdNotifier(environment: environment),
            environment: environment, inheritedSocket: inherited.first?.descriptor)
        do {
            let daemon = try await StoreSyncDaemon.make(
                configuration: loaded.configuration, options: options, logger: logger)
            try await daemon.run()
        } catch {
            logger.critical("storesync cannot run", metadata: ["error": "\(error)"])
            throw ExitCode(1)
        }
    }
}
