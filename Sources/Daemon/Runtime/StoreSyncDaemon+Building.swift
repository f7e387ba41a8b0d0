import AsyncHTTPClient
import Core
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
import Upstream

extension StoreSyncDaemon {
    /// Builds every part from `configuration`: opens (and if needed repairs) the state directory,
    /// sweeps leftover image temp files, and wires upstream, sync, shelf push and the socket.
    public static func make(
        configuration: DaemonConfiguration, options: DaemonOptions, logger: Logger
    ) async throws -> StoreSyncDaemon {
        for secret in [configuration.upstream.apiKey, configuration.shelf.token].compactMap({ $0 }) {
            options.logging?.redactor.register(secret)
        }
        // Before anything touches the directory: a second daemon on it refuses to start, and never
        // sweeps the first one's image downloads.
        let stateLock = try StateDirectoryLock.acquire(directory: configuration.storage.stateDirectory)
        let database = try await Database.open(directory: configuration.storage.stateDirectory, logger: logger)
        let swept = database.imageStore.sweepTemporaryFiles()
        if swept > 0 {
            logger.notice("removed unfinished image downloads left by a crash", metadata: ["files": "\(swept)"])
        }

        let group = options.eventLoopGroup ?? MultiThreadedEventLoopGroup.singleton
        let httpClients = HTTPClients(group: group)
        let upstreamProxy = configuration.proxy(for: configuration.upstream.baseURL)
        if let password = upstreamProxy?.password { options.logging?.redactor.register(password) }
        let registry = PrometheusCollectorRegistry()
        var metrics = PrometheusMetricsFactory(registry: registry)
        let constantLabels = configuration.metrics.labels.map { ($0.name, $0.value) }
        if !constantLabels.isEmpty {
            // `metrics.labels` on every series; a series' own label of the same name (refused by
            // the configuration) would win.
            metrics.nameAndLabelSanitizer = { name, labels in
                let own = Set(labels.map(\.0))
                return (name, labels + constantLabels.filter { !own.contains($0.0) })
            }
        }
        // Cache hits take well under a millisecond: the lookup histogram starts at 50 µs.
        metrics.durationHistogramBuckets["storesync_lookup_duration_seconds"] = [
            .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1),
            .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2),
        ]

        let clock = options.clock
        let tokens = RedactingTokenPersistence(
            base: StoreTokenPersistence(database: database, clock: clock), redactor: options.logging?.redactor)
        let client = RetailDigitalsClient(
            configuration: configuration.upstreamConfiguration, httpClient: httpClients.client(via: upstreamProxy),
            tokens: tokens,
            spend: StoreSpendLedger(database: database), logger: logger.labelled("upstream"), metrics: metrics,
            clock: clock)
        let catalog = CatalogWatcher(
            path: configuration.catalog.path, clock: clock, logger: logger.labelled("catalog"))
        let fetcher = ProductFetcher(
            client: client, database: database, configuration: configuration.fetcherConfiguration, clock: clock,
            logger: logger.labelled("fetcher"), metrics: metrics)
        let engine = SyncEngine(
            database: database, fetcher: fetcher, client: client, configuration: configuration.syncConfiguration,
            catalog: { catalog.snapshot() }, clock: clock, logger: logger.labelled("sync"), metrics: metrics)
        let scheduler = SyncScheduler(
            trigger: engine, configuration: configuration.scheduleConfiguration, clock: clock,
            logger: logger.labelled("schedule"))

        var shelfOutbox: ShelfOutbox?
        var shelfPusher: ShelfPusher?
        if var shelf = configuration.shelfConfiguration {
            let shelfProxy = configuration.proxy(for: shelf.baseURL)
            if let password = shelfProxy?.password { options.logging?.redactor.register(password) }
            shelf.proxy = shelfProxy?.description
            let outbox = ShelfOutbox(
                database: database, configuration: shelf, logger: logger.labelled("shelf"), metricsFactory: metrics)
            shelfOutbox = outbox
            shelfPusher = ShelfPusher(
                configuration: shelf, outbox: outbox, httpClient: httpClients.client(via: shelfProxy),
                logger: logger.labelled("shelf"),
                catalog: { catalog.snapshot()?.entries ?? [:] }, catalogAsOf: { catalog.snapshot()?.loadedAt })
        }

        let status = StatusReport(
            startedAt: Date(), database: database, engine: engine, client: client,
            hasCredentials: configuration.upstream.hasCredentials, shelf: shelfOutbox, catalog: catalog,
            diskSpace: fetcher.diskSpace, metrics: metrics, now: clock.now)
        let backend = DaemonBackend(
            fetcher: fetcher, catalog: catalog, engine: engine, shelf: shelfOutbox, status: status,
            registry: registry, client: client, database: database,
            hasCredentials: configuration.upstream.hasCredentials)
        let scans = ScanCounter()
        let lookup = LookupServer(
            configuration: configuration.lookupConfiguration, backend: backend, database: database,
            eventLoopGroup: group, metrics: metrics, scans: scans, logger: logger.labelled("socket"),
            inheritedSocket: options.inheritedSocket, now: clock.now)

        var services: [any Service] = []
        let health = DaemonHealth(group: group, database: database)
        if let watchdog = WatchdogService.fromEnvironment(
            options.environment, logger: logger.labelled("watchdog"), healthCheck: { await health.check() })
        {
            services.append(watchdog)
        }
        services += [catalog, fetcher, engine, scheduler]
        if let shelfPusher { services.append(shelfPusher) }
        let scanFlusher = ScanFlushService(
            counter: scans, database: database, interval: options.scanFlushInterval, now: clock.now,
            logger: logger.labelled("scans"))
        services.append(scanFlusher)
        services.append(lookup)
        let reloader = DaemonReloader(
            loader: options.loader ?? ConfigurationLoader(path: configuration.filePath), configuration: configuration,
            scheduler: scheduler, client: client, logging: options.logging, logger: logger.labelled("config"))
        services.append(
            LifecycleService(
                ready: lookup.ready, notifier: options.notifier, reloader: reloader,
                socketPath: configuration.listen.socketPath, logger: logger.labelled("systemd")))

        if !configuration.upstream.hasCredentials {
            logger.warning(
                """
                no Retail Digitals credentials: serving from the cache and the store catalog only, no sync; \
                set RD_CLIENT_ID / RD_API_KEY or LoadCredential= rd_client_id / rd_api_key
                """)
        }
        return StoreSyncDaemon(
            configuration: configuration, database: database, client: client, catalog: catalog, fetcher: fetcher,
            engine: engine, scheduler: scheduler, shelfOutbox: shelfOutbox, lookup: lookup, scanFlusher: scanFlusher,
            stateLock: stateLock,
            httpClients: httpClients, services: services, options: options, logger: logger)
    }
}

extension Logger {
    /// This logger with `component=<name>` metadata.
    func labelled(_ component: String) -> Logger {
        var copy = self
        copy[metadataKey: "component"] = .string(component)
        return copy
    }
}
