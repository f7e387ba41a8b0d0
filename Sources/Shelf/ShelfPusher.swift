import AsyncHTTPClient
import Core
import Foundation
import Logging
import ServiceLifecycle
import Store
import Synchronization

/// Drains the shelf outbox to Retagly: a ServiceLifecycle `Service` run in the Daemon's group,
/// ending on graceful shutdown (an interrupted call is simply sent again after the restart).
///
/// Each round reads the outbox, coalesces changes per barcode (``ShelfPlanner``), skips what
/// Retagly already holds, and sends the rest: fewer than ``ShelfConfiguration/batchThreshold``
/// products through `/productUpdate` (and `/add` for products Retagly does not have), more through
/// a batch session followed to `completed`. A change leaves the outbox only once Retagly confirmed
/// it (200 for `/add` and `/productUpdate`; session status `completed`), so a kill at any instant
/// loses nothing. Failures back off (``Backoff``); refused products are kept as item errors.
public final class ShelfPusher: Service, Sendable {
    let configuration: ShelfConfiguration
    let outbox: ShelfOutbox
    let client: RetaglyClient
    let logger: Logger
    let backoff: Backoff
    let catalog: @Sendable () -> [Barcode: CatalogEntry]
    let catalogAsOf: @Sendable () -> Date?
    /// The wall clock of the full-push schedule.
    let wallClock: @Sendable () -> Date
    /// How long an idle pusher sleeps before looking at the outbox anyway.
    let idleInterval: Duration

    /// - Parameters:
    ///   - configuration: where Retagly is and how to pace it.
    ///   - outbox: the outbox the socket fills.
    ///   - httpClient: the Daemon's shared client (not shut down here).
    ///   - logger: never receives the token.
    ///   - catalog: the current store catalog snapshot (names and prices for new products, the
    ///     daily full push).
    ///   - catalogAsOf: when that catalog was exported (e.g. the CSV's modification time). The full
    ///     push never overrides a field the POS set through the socket at or after this instant;
    ///     `nil` means "as of the push itself", so every earlier socket change counts as older.
    public convenience init(
        configuration: ShelfConfiguration, outbox: ShelfOutbox, httpClient: HTTPClient, logger: Logger,
        catalog: @escaping @Sendable () -> [Barcode: CatalogEntry] = { [:] },
        catalogAsOf: @escaping @Sendable () -> Date? = { nil }
    ) {
        self.init(
            configuration: configuration, outbox: outbox, httpClient: httpClient, logger: logger, catalog: catalog,
            catalogAsOf: catalogAsOf, wallClock: { Date() }, idleInterval: .seconds(15))
    }

    init(
        configuration: ShelfConfiguration, outbox: ShelfOutbox, httpClient: HTTPClient, logger: Logger,
        catalog: @escaping @Sendable () -> [Barcode: CatalogEntry],
        catalogAsOf: @escaping @Sendable () -> Date?, wallClock: @escaping @Sendable () -> Date,
        idleInterval: Duration
    ) {
        self.configuration = configuration
        self.outbox = outbox
        self.client = RetaglyClient(
            configuration: configuration, httpClient: httpClient, logger: logger, metrics: outbox.metrics)
        self.logger = logger
        self.backoff = Backoff(
            base: configuration.backoffBase, cap: configuration.backoffCap,
            longestRetryAfter: configuration.maximumRetryAfter)
        self.catalog = catalog
        self.catalogAsOf = catalogAsOf
        self.wallClock = wallClock
        self.idleInterval = idleInterval
    }

    var database: Database { outbox.database }
    var metrics: ShelfMetrics { outbox.metrics }

    /// Runs until graceful shutdown (or cancellation); never throws for Retagly or database trouble
    /// (it backs off and tries again).
    public func run() async throws {
        logger.info("shelf push started", metadata: ["retagly": "\(configuration.root)"])
        await cancelWhenGracefulShutdown { await self.loop() }
        logger.info("shelf push stopped")
    }

    /// The rounds, until cancelled.
    func loop() async {
        var failures = 0
        var nextFullPush: Date?
        while !Task.isCancelled {
            do {
                if let at = configuration.fullPushAt {
                    nextFullPush = try await runFullPushIfDue(nextFullPush, at: at)
                }
                let step = try await round()
                switch step {
                case .progress:
                    failures = 0
                case .idle:
                    failures = 0
                    await refreshMetrics()
                    var wait = idleInterval
                    if let nextFullPush {
                        wait = min(wait, .seconds(max(0, nextFullPush.timeIntervalSince(wallClock()))))
                    }
                    if await outbox.doorbell.wait(until: .now + wait) {
                        try await Task.sleep(for: configuration.collectDelay)
                    }
                case .retry(let retryAfter, let reason):
                    failures += 1
                    let delay = backoff.delay(attempt: failures, retryAfter: retryAfter)
                    let level: Logger.Level = failures == 1 || failures % 10 == 0 ? .notice : .debug
                    logger.log(
                        level: level, "Retagly is not taking shelf changes now; retrying",
                        metadata: ["reason": "\(reason)", "in": "\(delay)", "failures": "\(failures)"])
                    await refreshMetrics()
                    try await Task.sleep(for: delay)
                case .refused(let reason):
                    failures += 1
                    let delay = backoff.delay(attempt: failures, retryAfter: nil)
                    logger.error(
                        "Retagly refused a shelf request; check shelf.base_url and the store token",
                        metadata: ["answer": "\(reason)", "retry_in": "\(delay)"])
                    await refreshMetrics()
                    try await Task.sleep(for: delay)
                }
            } catch is CancellationError {
                return
            } catch {
                failures += 1
                let delay = backoff.delay(attempt: failures, retryAfter: nil)
                logger.error(
                    "shelf push could not use the outbox; retrying",
                    metadata: ["error": "\(ShelfOutbox.reason(error))", "in": "\(delay)"])
                do { try await Task.sleep(for: delay) } catch { return }
            }
        }
    }

    /// One round: resume a session left unfinished by a restart, else plan and deliver.
    func round() async throws -> ShelfStep {
        if let session = try await database.read({ try $0.unfinishedShelfSession() }) {
            return try await resume(session)
        }
        let plan = try await makePlan(excluding: [], limit: configuration.maximumSessionProducts)
        try await record(plan)
        if plan.items.isEmpty { return plan.isEmpty ? .idle : .progress }
        if plan.items.count >= configuration.batchThreshold { return try await runSession(plan.items) }
        return try await deliverDirect(plan.items)
    }

    /// Publishes the outbox gauges.
    func refreshMetrics() async {
        _ = await outbox.status()
    }
}
