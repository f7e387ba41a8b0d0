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
    func document() async -> JSONValue {
        let stats = try? await database.read { try $0.cacheStats() }
        return .object([
            ("version", .string(Self.version)),
            ("started_at", .string(Timestamp.format(startedAt))),
            ("sync", await engine.statusBlock()),
            ("cache", Self.cacheBlock(stats)),
            ("storage", diskSpace.status()),
            ("upstream", await upstreamBlock()),
            ("shelf", await shelf?.status() ?? .null),
            ("catalog", catalogBlock()),
        ])
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

    private static func cacheBlock(_ stats: CacheStats?) -> JSONValue {
        guard let stats else { return .null }
        return [
            "products": .int(stats.products), "negative": .int(stats.negatives), "images": .int(stats.images),
            "image_bytes": .number(String(stats.imageBytes)),
        ]
    }

    private func upstreamBlock() async -> JSONValue {
        let snapshot = await client.snapshot
        let outlook = await creditOutlook(balance: snapshot.creditsRemaining)
        let auth = hasCredentials ? snapshot.auth.rawValue : "invalid_credentials"
        var rateLimit = JSONValue.null
        if let limit = snapshot.rateLimit {
            rateLimit = .object([
                ("limit_minute", limit.limitMinute.map(JSONValue.int) ?? .null),
                ("remaining_minute", limit.remainingMinute.map(JSONValue.int) ?? .null),
                ("limit_day", limit.limitDay.map(JSONValue.int) ?? .null),
                ("remaining_day", limit.remainingDay.map(JSONValue.int) ?? .null),
                ("reset_at", limit.resetAt.map { .string(Timestamp.format($0)) } ?? .null),
            ])
        }
        let credits: [(String, JSONValue)] = [
            ("auth", .string(auth)),
            ("credits_remaining", snapshot.creditsRemaining.map(JSONValue.credits) ?? .null),
            ("credits_spent_today", .credits(snapshot.creditsSpentToday)),
        ]
        return .object(
            credits + Self.outlookFields(outlook, snapshot) + [
                ("daily_credit_limit", snapshot.dailyCreditLimit.map(JSONValue.credits) ?? .null),
                ("paid_calls_stopped", .bool(snapshot.paidCallsStopped)),
                ("credits_lost", .credits(snapshot.creditsLost)),
                ("answers_lost", .int(snapshot.answersLost)),
                ("rate_limit", rateLimit),
                ("last_error", snapshot.lastError.map(JSONValue.string) ?? .null),
                ("proxy", snapshot.proxy.map(JSONValue.string) ?? .null),
            ])
    }

    /// This month's spend, the days of credit left (or why they are unknown) and the low-credit
    /// warning, for the upstream block.
    private static func outlookFields(_ outlook: CreditOutlook?, _ snapshot: UpstreamSnapshot) -> [(String, JSONValue)]
    {
        let unknownBecause: JSONValue
        if let outlook {
            unknownBecause = outlook.unknownBecause.map(JSONValue.string) ?? .null
        } else {
            unknownBecause = .string("the spend ledger cannot be read")
        }
        let daysLeft: JSONValue = outlook?.daysLeft.map { .number(String($0)) } ?? .null
        let average: JSONValue = outlook?.dailyAverage.map(JSONValue.credits) ?? .null
        let month: JSONValue = outlook.map { .credits($0.monthSpent) } ?? .null
        return [
            ("credits_spent_month", month),
            ("credits_daily_average", average),
            ("credits_daily_average_days", .int(outlook?.averagedDays ?? 0)),
            ("credit_days_left", daysLeft),
            ("credit_days_left_unknown_because", unknownBecause),
            ("low_credit_warning", snapshot.lowCreditWarning.map(JSONValue.credits) ?? .null),
            ("credits_low", .bool(snapshot.creditsLow)),
        ]
    }

    private func catalogBlock() -> JSONValue {
        guard let snapshot = catalog.snapshot() else { return .null }
        return .object([
            ("path", .string(snapshot.path)), ("loaded", .bool(snapshot.isLoaded)),
            ("products", .int(snapshot.count)),
            ("loaded_at", snapshot.loadedAt.map { .string(Timestamp.format($0)) } ?? .null),
            ("problems", .int(snapshot.problemCount)),
        ])
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
