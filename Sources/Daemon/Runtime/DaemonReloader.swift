import Core
import Logging
import Sync
import Synchronization
import Upstream

/// Applies a reloaded configuration (SIGHUP) to the running daemon: the sync schedule, the budgets
/// and the log level change at once; every other changed key is logged as needing a restart.
final class DaemonReloader: Sendable {
    private let loader: ConfigurationLoader
    private let current: Mutex<DaemonConfiguration>
    private let scheduler: SyncScheduler
    private let client: RetailDigitalsClient
    private let logging: DaemonLogging?
    private let logger: Logger

    init(
        loader: ConfigurationLoader, configuration: DaemonConfiguration, scheduler: SyncScheduler,
        client: RetailDigitalsClient, logging: DaemonLogging?, logger: Logger
    ) {
        self.loader = loader
        self.current = Mutex(configuration)
        self.scheduler = scheduler
        self.client = client
        self.logging = logging
        self.logger = logger
    }

    /// Re-reads the configuration and applies what can change without a restart.
    func reload() async {
        let running = current.withLock { $0 }
        let reload: ConfigurationReload
        do {
            reload = try await loader.reload(current: running)
        } catch {
            logger.error(
                "the configuration has errors; keeping the running one", metadata: ["problems": "\(error)"])
            return
        }
        for warning in reload.warnings { logger.warning("\(warning)") }
        let next = reload.configuration
        current.withLock { $0 = next }
        scheduler.update(next.scheduleConfiguration)
        client.updateBudgets(
            dailyCreditLimit: next.upstream.dailyCreditLimit > .zero ? next.upstream.dailyCreditLimit : nil,
            scanReserve: next.upstream.scanReserve,
            lowCreditWarning: next.upstream.lowCreditWarning > .zero ? next.upstream.lowCreditWarning : nil)
        logging?.apply(next.log)
        logger.info(
            "configuration reloaded",
            metadata: [
                "applied": "\(reload.applied.joined(separator: ","))",
                "needs_restart": "\(reload.needsRestart.joined(separator: ","))",
            ])
        if !reload.needsRestart.isEmpty {
            logger.warning(
                "some changed keys take effect only after a restart (systemctl restart storesync)",
                metadata: ["keys": "\(reload.needsRestart.joined(separator: ","))"])
        }
    }
}
