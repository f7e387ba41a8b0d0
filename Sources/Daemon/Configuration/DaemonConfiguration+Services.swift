import Core
import Foundation
import Lookup
import Shelf
import Sync
import Upstream

extension DaemonConfiguration {
    /// The socket server's settings from `listen.*`, `lookup.*` and `storage.*` (its other limits
    /// keep the Lookup module's defaults).
    public var lookupConfiguration: LookupConfiguration {
        LookupConfiguration(
            socketPath: listen.socketPath, socketMode: listen.socketMode, tcp: listen.tcp,
            maxConnections: listen.maxConnections, idleTimeout: listen.idleTimeout, liveTimeout: lookup.liveTimeout,
            metadataTTL: storage.metadataTTL, maxStaleness: lookup.maxStaleness, negativeTTL: storage.negativeTTL,
            imageCacheBytes: lookup.imageCacheBytes)
    }

    /// The Retail Digitals client's settings from `upstream.*` (empty credentials when none are
    /// configured: the daemon then serves from cache and catalog only and never calls upstream).
    public var upstreamConfiguration: UpstreamConfiguration {
        UpstreamConfiguration(
            baseURL: upstream.baseURL,
            credentials: UpstreamCredentials(clientID: upstream.clientID ?? "", apiKey: upstream.apiKey ?? Secret("")),
            include: upstream.include, variants: upstream.variants,
            dailyCreditLimit: upstream.dailyCreditLimit > .zero ? upstream.dailyCreditLimit : nil,
            scanReserve: upstream.scanReserve, requestTimeout: upstream.requestTimeout,
            maxImageBytes: upstream.maxImageBytes,
            lowCreditWarning: upstream.lowCreditWarning > .zero ? upstream.lowCreditWarning : nil,
            proxy: proxy(for: upstream.baseURL)?.description)
    }

    /// The sync engine's settings from `sync.*` and `storage.*`.
    public var syncConfiguration: SyncConfiguration {
        SyncConfiguration(
            clientID: upstream.clientID ?? "", overlap: sync.overlap, concurrency: sync.concurrency,
            bulkCheck: sync.bulkCheck, negativeTTL: storage.negativeTTL, retryPassDelay: sync.retryPassDelay,
            keepScanned: sync.keepScanned)
    }

    /// What a fetch asks for (`upstream.include` / `upstream.variants`), the free space it needs
    /// (`storage.min_free`) and the image store's cap (`storage.max_image_bytes`).
    public var fetcherConfiguration: FetcherConfiguration {
        FetcherConfiguration(
            include: upstream.include, variants: upstream.variants, minFreeBytes: storage.minFreeBytes,
            maxImageBytes: Int64(storage.maxImageBytes))
    }

    /// The nightly schedule (`sync.enabled`, `sync.at`, `sync.timezone`, `sync.jitter`,
    /// `sync.full_refresh`); off without credentials.
    public var scheduleConfiguration: SyncScheduleConfiguration {
        SyncScheduleConfiguration(
            enabled: sync.enabled && upstream.hasCredentials, at: sync.at, timeZone: sync.timeZone,
            jitter: sync.jitter, fullRefresh: sync.fullRefresh)
    }

    /// The Retagly push's settings, or `nil` when `shelf.base_url` and a token are not both set.
    public var shelfConfiguration: ShelfConfiguration? {
        guard let baseURL = shelf.baseURL, let token = shelf.token else { return nil }
        var configuration = ShelfConfiguration(baseURL: baseURL, token: token)
        configuration.fullPushAt = shelf.fullPush
        configuration.timeZone = sync.timeZone
        return configuration
    }
}
