import Logging
import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sends `WATCHDOG=1` at half of systemd's `WatchdogSec=` (`WATCHDOG_USEC`) while the daemon is
/// healthy, and ends on graceful shutdown (systemd stops watching a stopping service). An optional
/// health check can withhold pings, so systemd restarts a daemon that is alive but stuck.
public struct WatchdogService: Service {
    let notifier: SystemdNotifier
    /// Time between pings.
    public let interval: Duration
    let logger: Logger
    let healthCheck: (@Sendable () async -> Bool)?

    public init(
        notifier: SystemdNotifier, interval: Duration, logger: Logger,
        healthCheck: (@Sendable () async -> Bool)? = nil
    ) {
        self.notifier = notifier
        self.interval = interval
        self.logger = logger
        self.healthCheck = healthCheck
    }

    /// The service systemd asked for, or `nil`: no `NOTIFY_SOCKET`, no `WATCHDOG_USEC`, or a
    /// `WATCHDOG_PID` that is another process.
    public static func fromEnvironment(
        _ environment: [String: String], logger: Logger, pid: Int32 = getpid(),
        healthCheck: (@Sendable () async -> Bool)? = nil
    ) -> WatchdogService? {
        guard let notifier = SystemdNotifier(environment: environment),
            let interval = pingInterval(environment: environment, pid: pid)
        else { return nil }
        return WatchdogService(notifier: notifier, interval: interval, logger: logger, healthCheck: healthCheck)
    }

    /// Half of `WATCHDOG_USEC`, when it is set, positive, and meant for `pid`.
    public static func pingInterval(environment: [String: String], pid: Int32) -> Duration? {
        guard let text = environment["WATCHDOG_USEC"], let micros = Int64(text), micros > 0 else { return nil }
        if let owner = environment["WATCHDOG_PID"], Int32(owner) != pid { return nil }
        return .microseconds(micros / 2)
    }

    public func run() async throws {
        logger.debug("watchdog pings every \(interval)")
        do {
            try await cancelWhenGracefulShutdown { [self] in
                while true {
                    await ping()
                    try await Task.sleep(for: interval)
                }
            }
        } catch is CancellationError {
            return
        }
    }

    private func ping() async {
        if let healthCheck, await !healthCheck() {
            logger.warning("watchdog ping withheld: the health check failed")
            return
        }
        do {
            try notifier.watchdog()
        } catch {
            logger.warning("watchdog ping failed", metadata: ["error": "\(error)"])
        }
    }
}
