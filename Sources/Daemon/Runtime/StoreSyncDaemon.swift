import AsyncHTTPClient
import Foundation
import Logging
import Lookup
import NIOCore
import NIOPosix
import Prometheus
import ServiceLifecycle
import Shelf
import Store
import Sync
import Synchronization
import UnixSignals
import Upstream

/// One store's daemon: every part built from one configuration and run as one `ServiceGroup`.
///
/// Start order (shutdown runs in reverse): watchdog, catalog watcher, product fetcher, sync engine,
/// scheduler, shelf pusher, scan flusher, socket server, systemd lifecycle. So at SIGTERM systemd
/// hears STOPPING first, the socket stops accepting and finishes the lookups in flight while the
/// fetcher can still complete them, the sync stops between items (its queue is in SQLite), and the
/// watchdog pings until the very end.
public final class StoreSyncDaemon: Sendable {
    public let configuration: DaemonConfiguration
    public let database: Database
    public let client: RetailDigitalsClient
    public let catalog: CatalogWatcher
    public let fetcher: ProductFetcher
    public let engine: SyncEngine
    public let scheduler: SyncScheduler
    public let shelfOutbox: ShelfOutbox?
    public let lookup: LookupServer
    let scanFlusher: ScanFlushService
    /// Held until the daemon is released: one daemon per state directory.
    let stateLock: StateDirectoryLock
    let httpClients: HTTPClients
    let services: [any Service]
    let options: DaemonOptions
    let logger: Logger
    let hasCredentials: Bool
    private let running = Mutex<ServiceGroup?>(nil)

    init(
        configuration: DaemonConfiguration, database: Database, client: RetailDigitalsClient,
        catalog: CatalogWatcher, fetcher: ProductFetcher, engine: SyncEngine, scheduler: SyncScheduler,
        shelfOutbox: ShelfOutbox?, lookup: LookupServer, scanFlusher: ScanFlushService,
        stateLock: StateDirectoryLock, httpClients: HTTPClients, services: [any Service],
        options: DaemonOptions, logger: Logger
    ) {
        self.configuration = configuration
        self.database = database
        self.client = client
        self.catalog = catalog
        self.fetcher = fetcher
        self.engine = engine
        self.scheduler = scheduler
        self.shelfOutbox = shelfOutbox
        self.lookup = lookup
        self.scanFlusher = scanFlusher
        self.stateLock = stateLock
        self.httpClients = httpClients
        self.services = services
        self.options = options
        self.logger = logger
        self.hasCredentials = configuration.upstream.hasCredentials
    }

    /// Moves the socket's scan counts to the database now (they also move every
    /// `scanFlushInterval`): what the next sync plans with.
    public func flushScanCounts() async { await scanFlusher.flush() }

    /// Runs every service until SIGTERM/SIGINT (or the caller cancels), then releases the HTTP
    /// client and closes the database. The upstream client reads `/pricing` beside the services,
    /// never before them: with the network down at boot the socket still answers from the cache at
    /// once (costs use the contract's rates until the pricing arrives).
    public func run() async throws {
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services.map { .init(service: $0) },
                gracefulShutdownSignals: options.trapSignals ? [.sigterm, .sigint] : [],
                logger: logger
            ).with(maximumShutdown: options.maximumShutdown))
        running.withLock { $0 = group }
        defer { running.withLock { $0 = nil } }
        do {
            try await Self.run(group, beside: hasCredentials ? client : nil)
        } catch {
            logger.error("storesync stopped on an error", metadata: ["error": "\(error)"])
            await close()
            throw error
        }
        await close()
        logger.info("storesync stopped")
    }

    /// Runs `group` with the start of `client` (token load, `/pricing`) beside it; the start is
    /// cancelled if the group ends first.
    private static func run(_ group: ServiceGroup, beside client: RetailDigitalsClient?) async throws {
        guard let client else { return try await group.run() }
        try await withThrowingTaskGroup(of: Bool.self) { tasks in
            tasks.addTask {
                await client.start()
                return false
            }
            tasks.addTask {
                try await group.run()
                return true
            }
            while let groupEnded = try await tasks.next() {
                if groupEnded { tasks.cancelAll() }
            }
        }
    }

    /// Starts the graceful shutdown of a running daemon (what SIGTERM does).
    public func shutdown() async {
        await running.withLock { $0 }?.triggerGracefulShutdown()
    }

    /// Releases the HTTP clients and closes the database (idempotent enough for shutdown paths).
    func close() async {
        await httpClients.shutdown()
        do { try await database.close() } catch {
            logger.warning("the database did not close cleanly", metadata: ["error": "\(error)"])
        }
    }
}

extension ServiceGroupConfiguration {
    fileprivate func with(maximumShutdown: Duration) -> ServiceGroupConfiguration {
        var copy = self
        copy.maximumGracefulShutdownDuration = maximumShutdown
        copy.maximumCancellationDuration = .seconds(1)
        return copy
    }
}
