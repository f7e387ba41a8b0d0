import Core
import Logging
import NIOCore

/// How a daemon is run, beyond its configuration: where reloads come from, how it reports to
/// systemd, which event loops it uses.
public struct DaemonOptions: Sendable {
    /// Re-reads the configuration on SIGHUP; `nil` turns reloading off.
    public var loader: ConfigurationLoader?
    /// The log handlers' shared state: its redactor learns every secret, its level follows reloads.
    public var logging: DaemonLogging?
    /// systemd's notification socket (`$NOTIFY_SOCKET`), if any.
    public var notifier: SystemdNotifier?
    /// The process environment (watchdog and socket activation variables).
    public var environment: [String: String]
    /// Event loops for the socket and the HTTP clients; `nil` uses NIO's shared singleton group.
    public var eventLoopGroup: (any EventLoopGroup)?
    /// Whether SIGTERM/SIGINT trigger the graceful shutdown (off when the caller handles signals).
    public var trapSignals: Bool
    /// The longest graceful shutdown before the remaining work is cancelled (systemd gives 10 s;
    /// storesync promises 5 s).
    public var maximumShutdown: Duration
    /// A listening socket inherited from systemd socket activation, if any.
    public var inheritedSocket: CInt?
    /// How often scan counts move from memory to the database.
    public var scanFlushInterval: Duration
    /// The daemon's one wall clock: the sync, the schedule, the catalog watcher, scan times, the
    /// socket's staleness and the upstream client's tokens, pacing and retry waits (a simulation
    /// moves it).
    public var clock: WallClock

    public init(
        loader: ConfigurationLoader? = nil, logging: DaemonLogging? = nil, notifier: SystemdNotifier? = nil,
        environment: [String: String] = [:], eventLoopGroup: (any EventLoopGroup)? = nil, trapSignals: Bool = true,
        maximumShutdown: Duration = .milliseconds(4500), inheritedSocket: CInt? = nil,
        scanFlushInterval: Duration = .seconds(30), clock: WallClock = .system
    ) {
        self.loader = loader
        self.logging = logging
        self.notifier = notifier
        self.environment = environment
        self.eventLoopGroup = eventLoopGroup
        self.trapSignals = trapSignals
        self.maximumShutdown = maximumShutdown
        self.inheritedSocket = inheritedSocket
        self.scanFlushInterval = scanFlushInterval
        self.clock = clock
    }
}
