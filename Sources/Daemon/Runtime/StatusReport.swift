import Core
import CoreMetrics
import Foundation
import Shelf
import Store
import Sync
import Upstream

/// `GET /v1/status` (and `storesync status`): last and next sync, cache size, credits, rate-limit
/// budget, auth state, shelf push, catalog, the state directory's free space — assembled from each part, nothing cached.
final class StatusReport: Sendable {
    static let version = "0.1.0"

    let startedAt: Date
    let database: Database
    let engine: SyncEngine
    let client: RetailDigitalsClient
    let hasCredentials: Bool
    let shelf: ShelfOutbox?
    let catalog: CatalogWatcher
    let diskSpace: DiskSpaceGuard
    /// The daemon's clock (the spend ledger's UTC days follow it).
    let now: @Sendable () -> Date
    private let gauges: CacheGauges
    private let alertGauges: AlertGauges

    init(
        startedAt: Date, database: Database, engine: SyncEngine, client: RetailDigitalsClient, hasCredentials: Bool,
        shelf: ShelfOutbox?, catalog: CatalogWatcher, diskSpace: DiskSpaceGuard, metrics: any MetricsFactory,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.startedAt = startedAt
        self.database = database
        self.engine = engine
        self.client = client
        self.hasCredentials = hasCredentials
        self.shelf = shelf
        self.catalog = catalog
        self.diskSpace = diskSpace
        self.now = now
        self.gauges = CacheGauges(factory: metrics)
        self.alertGauges = AlertGauges(factory: metrics)
    }

    /// The whole status document.
    func document() async -> StatusDocument {
        let snapshot = await client.snapshot
        let outlook = await creditOutlook(balance: snapshot.creditsRemaining)
        return StatusDocument(
            version: Self.version, startedAt: startedAt, sync: await engine.statusBlock(),
            cache: try? await database.read { try $0.cacheStats() }, storage: diskSpace.status(),
            upstream: StatusDocument.Upstream(
                auth: hasCredentials ? snapshot.auth : .invalidCredentials, creditsRemaining: snapshot.creditsRemaining,
                creditsSpentToday: snapshot.creditsSpentToday, creditsSpentMonth: outlook?.monthSpent,
                creditsDailyAverage: outlook?.dailyAverage, creditsDailyAverageDays: outlook?.averagedDays ?? 0,
                creditDaysLeft: outlook?.daysLeft,
                creditDaysLeftUnknownBecause: outlook == nil
                    ? "the spend ledger cannot be read" : outlook?.unknownBecause,
                lowCreditWarning: snapshot.lowCreditWarning, creditsLow: snapshot.creditsLow,
                dailyCreditLimit: snapshot.dailyCreditLimit, paidCallsStopped: snapshot.paidCallsStopped,
                creditsLost: snapshot.creditsLost, answersLost: snapshot.answersLost, rateLimit: snapshot.rateLimit,
                lastError: snapshot.lastError, proxy: snapshot.proxy),
            shelf: await shelf?.status(),
            catalog: catalog.snapshot().map {
                .init(
                    path: $0.path, loaded: $0.isLoaded, products: $0.count, loadedAt: $0.loadedAt,
                    problems: $0.problemCount)
            })
    }

    /// Brings the cache and queue gauges up to date before `/metrics` is emitted.
    func refreshGauges() async {
        if let stats = try? await database.read({ try $0.cacheStats() }) { gauges.record(stats) }
        diskSpace.freeBytes()
        _ = await shelf?.status()
        let snapshot = await client.snapshot
        let outlook = await creditOutlook(balance: snapshot.creditsRemaining)
        alertGauges.record(
            lastSuccess: try? await engine.lastSuccessAt(), authOK: hasCredentials && snapshot.auth == .ok,
            lowCreditWarning: snapshot.lowCreditWarning, monthSpent: outlook?.monthSpent ?? .zero)
    }

    /// This month's spend and the days of credit left, from the spend ledger (`nil` when it
    /// cannot be read). Days are UTC days of this machine's clock, as the ledger's.
    func creditOutlook(balance: Credits?) async -> CreditOutlook? {
        let now = self.now()
        let range = CreditOutlook.ledgerRange(now: now)
        guard
            let (ledger, first) = try? await database.read({ connection in
                (try connection.spend(from: range.first, through: range.last), try connection.firstSpendDay())
            })
        else { return nil }
        return CreditOutlook.compute(now: now, ledger: ledger, firstDay: first, balance: balance)
    }
}

/// Gauges of the cache's size, for `/metrics`.
private struct CacheGauges: Sendable {
    let products: Gauge
    let negatives: Gauge
    let images: Gauge
    let imageBytes: Gauge

    init(factory: any MetricsFactory) {
        products = Gauge(label: "storesync_cache_products", dimensions: [], factory: factory)
        negatives = Gauge(label: "storesync_cache_negative_entries", dimensions: [], factory: factory)
        images = Gauge(label: "storesync_cache_images", dimensions: [], factory: factory)
        imageBytes = Gauge(label: "storesync_cache_image_bytes", dimensions: [], factory: factory)
    }

    func record(_ stats: CacheStats) {
        products.record(stats.products)
        negatives.record(stats.negatives)
        images.record(stats.images)
        imageBytes.record(stats.imageBytes)
    }
}
