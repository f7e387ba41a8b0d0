import Core
import Foundation
import Logging
import Metrics
import ServiceLifecycle
import Store
import Synchronization
import Upstream

/// Runs syncs, one at a time, with all their state in SQLite so a crash, a restart, a spent day
/// budget or a credit cap resumes without fetching again what is done.
///
/// ``start(_:)`` records a run and returns at once (a request while a run is unfinished joins it);
/// the service's ``run()`` executes it: listing (delta and full), bulk-check prefilter, then the
/// queue with bounded concurrency through the ``ProductFetcher``. A run that meets a budget pauses
/// and resumes by itself at its `resume_at`; one interrupted by shutdown or a crash resumes at the
/// next start. The watermark advances only when a delta or full run succeeds.
public final class SyncEngine: Service, Sendable {
    public let configuration: SyncConfiguration
    let database: Database
    let fetcher: ProductFetcher
    let client: RetailDigitalsClient
    let catalog: @Sendable () -> CatalogSnapshot?
    let clock: WallClock
    let logger: Logger
    let metrics: SyncMetrics
    let wake = WakeSignal()
    let state = Mutex(EngineState())

    /// What the engine keeps in memory only.
    struct EngineState {
        /// A request joined a paused run: try it again now.
        var resumeRequested = false
        /// When the scheduler fires next.
        var nextScheduledAt: Date?
        /// The observed fetch rate of the run in progress, for its ETA.
        var rate: SyncProgressRate?
        /// A stale hit asked for a revalidation that has not started yet.
        var revalidationRequested = false
        /// When the last revalidation started (at most one per `revalidateInterval`).
        var lastRevalidation: Date?
    }

    /// - Parameter catalog: the store catalog's current snapshot (`nil`: no catalog configured).
    public init(
        database: Database, fetcher: ProductFetcher, client: RetailDigitalsClient, configuration: SyncConfiguration,
        catalog: @escaping @Sendable () -> CatalogSnapshot?, clock: WallClock = .system, logger: Logger,
        metrics: any MetricsFactory
    ) {
        var logger = logger
        logger[metadataKey: "component"] = "sync"
        self.database = database
        self.fetcher = fetcher
        self.client = client
        self.configuration = configuration
        self.catalog = catalog
        self.clock = clock
        self.logger = logger
        self.metrics = SyncMetrics(factory: metrics)
    }

    /// Records a sync request and returns at once with its run. While a run is unfinished (queued,
    /// running or paused) the request joins it (same run, `joined: true`); given barcodes are added
    /// to its queue ahead of the rest, and a manual request wakes a paused run to try again now.
    /// A manual request first lifts a `client_disabled` stop (the operator says it was fixed).
    public func start(_ request: SyncRequest) async throws -> (run: SyncRun, joined: Bool) {
        if request.origin == .manual { await client.reenable() }
        let now = UnixMillis(clock.now())
        let manual = request.origin == .manual
        let (result, forgotten) = try await database.write { connection -> ((SyncRun, Bool), Int) in
            // The operator may have had the brand scope widened: out-of-scope barcodes are asked again.
            let forgotten = manual ? try connection.deleteNegatives(reason: .scopeForbidden) : 0
            if let unfinished = try connection.unfinishedSyncRun() {
                if request.mode == .barcodes, !request.barcodes.isEmpty {
                    let items = request.barcodes.map { SyncWorkItem(barcode: $0, priority: Int(Int32.max)) }
                    try connection.enqueueSyncWork(unfinished.id, items, at: now)
                    return ((try connection.refreshSyncRunProgress(unfinished.id) ?? unfinished, true), forgotten)
                }
                return ((unfinished, true), forgotten)
            }
            let run = try connection.createSyncRun(mode: request.mode, requestedBarcodes: request.barcodes, at: now)
            return ((run, false), forgotten)
        }
        if forgotten > 0 {
            logger.notice(
                "the operator's sync asks again for barcodes refused as outside the brand scope",
                metadata: ["barcodes": "\(forgotten)"])
        }
        if result.1 {
            if request.origin == .manual, result.0.state == .paused {
                state.withLock { $0.resumeRequested = true }
            }
        } else {
            logger.info(
                "sync requested",
                metadata: [
                    "sync_id": "\(result.0.id)", "mode": "\(request.mode.rawValue)",
                    "origin": "\(request.origin.rawValue)",
                ])
        }
        wake.signal()
        return (result.0, result.1)
    }

    /// A stale entry was served: start a delta when no run is unfinished (its free listing validates
    /// every unchanged product; it pays only for what changed), at most once per
    /// `revalidateInterval` (upstream may be down). Returns at once; the engine's loop starts it.
    public func requestRevalidation() {
        let first = state.withLock { state in
            defer { state.revalidationRequested = true }
            return !state.revalidationRequested
        }
        if first { wake.signal() }
    }

    /// Tells status when the scheduler fires next (`nil`: no schedule).
    public func setNextScheduledRun(_ date: Date?) {
        state.withLock { $0.nextScheduledAt = date }
    }

    /// When the last delta or full sync succeeded, if ever.
    public func lastSuccessAt() async throws -> Date? {
        try await database.read { try $0.syncState(.lastSuccessAt) }.flatMap(Timestamp.parse)
    }

    /// The unfinished run, if any (queued, running or paused).
    public func unfinishedRun() async throws -> SyncRun? {
        try await database.read { try $0.unfinishedSyncRun() }
    }
}
