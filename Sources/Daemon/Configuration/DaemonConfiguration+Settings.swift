import Core
import Foundation
import Logging

extension DaemonConfiguration {
    /// Every key of the configuration file, in the example file's order. A key's default is its
    /// value in `DaemonConfiguration()`.
    public static let settings: [Setting] = [
        .value(
            "upstream.base_url", \.upstream.baseURL, .serviceURL,
            "Retail Digitals API root (https; http only on loopback)"),
        .credential(
            "upstream.client_id", \.upstream.clientID, source: \.upstream.clientIDSource,
            "the store's client id (or client_id_file, RD_CLIENT_ID, credential rd_client_id)"),
        .optional("upstream.client_id_file", \.upstream.clientIDFile, .absolutePath, "file holding the client id"),
        .secret(
            "upstream.api_key", \.upstream.apiKey, source: \.upstream.apiKeySource,
            "the api key; prefer api_key_file or the rd_api_key credential"),
        .optional(
            "upstream.api_key_file", \.upstream.apiKeyFile, .absolutePath,
            "file holding the api key (or RD_API_KEY, credential rd_api_key)"),
        .value("upstream.include", \.upstream.include, .list(of: IncludeScope.self), "scopes a fetch asks for"),
        .value(
            "upstream.variants", \.upstream.variants, .list(of: ImageVariant.self), "image variants a fetch asks for"),
        .value(
            "upstream.daily_credit_limit", \.upstream.dailyCreditLimit, .credits,
            "credits the daemon may spend per UTC day, 0 for no limit", reloadable: true),
        .value(
            "upstream.scan_reserve", \.upstream.scanReserve, .decimal(0...0.9),
            "share of the day's request budget kept for scan-time misses", reloadable: true),
        .value(
            "upstream.request_timeout", \.upstream.requestTimeout, .duration(.seconds(1)...(.seconds(600))),
            "deadline of one upstream request, for sync and downloads"),
        .value(
            "upstream.max_image_bytes", \.upstream.maxImageBytes, .bytes((64 << 10)...(1 << 30)),
            "largest image download accepted"),
        .value(
            "upstream.proxy", \.upstream.proxy, .proxy,
            "HTTP proxy of both APIs, http://[user:password@]host:port, or none (empty: HTTPS_PROXY / HTTP_PROXY)",
            note: ProxyEnvironment.proxyNote, secret: ProxyEnvironment.proxySecret),
        .optional(
            "upstream.no_proxy", \.upstream.noProxy, .noProxy,
            "hosts reached without the proxy: domains, IPs, CIDR blocks, * (empty: NO_PROXY)",
            note: ProxyEnvironment.noProxyNote),
        .value(
            "upstream.low_credit_warning", \.upstream.lowCreditWarning, .credits,
            "below this balance a warning is logged, shown in status and exported, 0 for off", reloadable: true),
        .value("storage.state_dir", \.storage.stateDirectory, .absolutePath, "SQLite database and image store"),
        .value(
            "storage.metadata_ttl", \.storage.metadataTTL, .duration(.seconds(60)...(.seconds(30 * 86_400))),
            "freshness of cached metadata"),
        .value(
            "storage.negative_ttl", \.storage.negativeTTL, .duration(.seconds(60)...(.seconds(90 * 86_400))),
            "how long an unknown barcode stays known as unknown"),
        .value(
            "storage.min_free", \.storage.minFreeBytes, .bytes(0...(1 << 40)),
            "free space of the state directory below which nothing is bought"),
        .value(
            "storage.max_image_bytes", \.storage.maxImageBytes, .bytes(0...(1 << 44)),
            "cap on stored image bytes, 0 for none; over it the least recently scanned images are evicted"),
        .value("listen.socket", \.listen.socketPath, .socketPath, "the lookup socket"),
        .value(
            "listen.socket_mode", \.listen.socketMode, .socketMode,
            "permission bits of the socket file (octal); its group is the daemon's (storesync-pos under the "
                + "installed unit), which POS users join"),
        .optional(
            "listen.tcp", \.listen.tcp, .loopbackAddress, "optional loopback listener 127.0.0.1:PORT (empty: none)"),
        .value(
            "listen.max_connections", \.listen.maxConnections, .integer(1...65536),
            "connections open at once; more get 503"),
        .value(
            "listen.idle_timeout", \.listen.idleTimeout, .duration(.seconds(1)...(.seconds(3600))),
            "an idle keep-alive connection is closed after this"),
        .value(
            "lookup.live_timeout", \.lookup.liveTimeout, .duration(.milliseconds(50)...(.seconds(30))),
            "deadline of a live fetch on a cache miss"),
        .value(
            "lookup.max_staleness", \.lookup.maxStaleness, .duration(.seconds(60)...(.seconds(365 * 86_400))),
            "a cached entry older than this is refetched before answering"),
        .value(
            "lookup.image_cache_bytes", \.lookup.imageCacheBytes, .bytes(0...(16 << 30)),
            "image bytes kept in memory for serving"),
        .optional(
            "catalog.path", \.catalog.path, .absolutePath,
            "the POS catalog export (CSV: barcode,name,price[,stock,on_sale,sale_price,unit])"),
        .value("sync.enabled", \.sync.enabled, .bool, "run the nightly sync", reloadable: true),
        .value(
            "sync.at", \.sync.at, .parsed(TimeOfDay.self, "a time HH:MM from 00:00 to 23:59"),
            "store-local time of the nightly sync (HH:MM)", reloadable: true),
        .optional(
            "sync.timezone", \.sync.timeZoneIdentifier, .timeZone.or("empty for the system's"),
            "IANA time zone of sync.at, e.g. America/New_York (empty: the system's)", reloadable: true,
            note: { $0.sync.timeZoneIdentifier == nil ? "the system's: \($0.sync.timeZone.identifier)" : nil }),
        .value(
            "sync.jitter", \.sync.jitter, .duration(.zero...(.seconds(6 * 3600))), "random delay added to sync.at",
            reloadable: true),
        .value(
            "sync.bulk_check", \.sync.bulkCheck, .bool, "check catalog barcodes with bulk-check before fetching them"),
        .value(
            "sync.full_refresh", \.sync.fullRefresh,
            .weekdayOrOff,
            "weekly full refresh instead of the delta: off or a weekday (sunday…saturday)", reloadable: true),
        .value(
            "sync.overlap", \.sync.overlap, .duration(.zero...(.seconds(7 * 86_400))),
            "the delta lists again what changed this long before the last watermark"),
        .value(
            "sync.retry_pass_delay", \.sync.retryPassDelay, .duration(.zero...(.seconds(3600))),
            "the wait before a sync tries its failed products again; a lost answer is never re-sent sooner"),
        .value(
            "sync.keep_scanned", \.sync.keepScanned, .duration(.zero...(.seconds(365 * 86_400))),
            "besides the catalog's products, the nightly run keeps current those scanned this recently"),
        .value(
            "sync.concurrency", \.sync.concurrency, .integer(1...8), "products fetched at once during a sync"),
        .optional(
            "shelf.base_url", \.shelf.baseURL, .serviceURL.or("empty to turn the shelf push off"),
            "Retagly API root; shelf push is off unless set"),
        .secret(
            "shelf.token", \.shelf.token, source: \.shelf.tokenSource,
            "the Retagly store token; prefer token_file or the retagly_token credential"),
        .optional(
            "shelf.token_file", \.shelf.tokenFile, .absolutePath,
            "file holding the Retagly store token (or RETAGLY_TOKEN)"),
        .value(
            "shelf.full_push", \.shelf.fullPush, .timeOrOff,
            "daily full catalog push to the displays: off or a store-local time HH:MM"),
        .labels(
            "metrics.labels", \.metrics.labels,
            "constant labels on every /metrics series, e.g. {store: \"0042\", client: rd_client_0042}"),
        .value(
            "log.level", \.log.level, .logLevel, "the lowest level logged",
            reloadable: true),
        .value("log.format", \.log.format, .oneOf(LogFormat.self), "how log lines are written; logfmt is key=value"),
    ]
}
