extension ConfigurationKey {
    /// Every key, in the order of the example file.
    public static let all: [ConfigurationKey] = [
        .init(
            "upstream.base_url", "https://images.retaildigitals.com/api/v1",
            "Retail Digitals API root (https; http only on loopback)"),
        .init(
            "upstream.client_id", "", "the store's client id (or client_id_file, RD_CLIENT_ID, credential rd_client_id)"
        ),
        .init("upstream.client_id_file", "", "file holding the client id"),
        .init("upstream.api_key", "", "the api key; prefer api_key_file or the rd_api_key credential", secret: true),
        .init("upstream.api_key_file", "", "file holding the api key (or RD_API_KEY, credential rd_api_key)"),
        .init(
            "upstream.include", "[product_meta, images]", "scopes a fetch asks for: product_meta, image_meta, images"),
        .init("upstream.variants", "[front]", "image variants a fetch asks for: front, back, front_clean, back_clean"),
        .init(
            "upstream.daily_credit_limit", "0", "credits the daemon may spend per UTC day (0: no limit)",
            reloadable: true),
        .init(
            "upstream.scan_reserve", "0.2", "share of the day's request budget kept for scan-time misses (0 to 0.9)",
            reloadable: true),
        .init("upstream.request_timeout", "10s", "deadline of one upstream request (sync and downloads)"),
        .init("upstream.max_image_bytes", "10MiB", "largest image download accepted"),
        .init(
            "upstream.proxy", "",
            "HTTP proxy of both APIs, http://[user:password@]host:port, or none (empty: HTTPS_PROXY / HTTP_PROXY)",
            secret: true),
        .init(
            "upstream.no_proxy", "",
            "hosts reached without the proxy: domains, IPs, CIDR blocks, * (empty: NO_PROXY)"),
        .init(
            "upstream.low_credit_warning", "500",
            "below this balance (credits) a warning is logged, shown in status and exported (0: off)",
            reloadable: true),
        .init("storage.state_dir", "/var/lib/storesync", "SQLite database and image store"),
        .init("storage.metadata_ttl", "24h", "freshness of cached metadata"),
        .init("storage.negative_ttl", "7d", "how long an unknown barcode stays known as unknown"),
        .init("storage.min_free", "64MiB", "free space of the state directory below which nothing is bought"),
        .init(
            "storage.max_image_bytes", "0",
            "cap on stored image bytes; least recently scanned images are evicted over it (0: no cap)"),
        .init("listen.socket", "/run/storesync/lookup.sock", "the lookup socket"),
        .init("listen.socket_mode", "\"0660\"", "permission bits of the socket file (octal)"),
        .init("listen.tcp", "", "optional loopback listener 127.0.0.1:PORT (empty: none)"),
        .init("listen.max_connections", "1024", "connections open at once; more get 503"),
        .init("listen.idle_timeout", "60s", "an idle keep-alive connection is closed after this"),
        .init("lookup.live_timeout", "800ms", "deadline of a live fetch on a cache miss"),
        .init("lookup.max_staleness", "7d", "a cached entry older than this is refetched before answering"),
        .init("lookup.image_cache_bytes", "64MiB", "image bytes kept in memory for serving"),
        .init("catalog.path", "", "the POS catalog export (CSV: barcode,name,price[,stock,on_sale,sale_price,unit])"),
        .init("sync.enabled", "true", "run the nightly sync", reloadable: true),
        .init("sync.at", "\"03:00\"", "store-local time of the nightly sync (HH:MM)", reloadable: true),
        .init(
            "sync.timezone", "", "IANA time zone of sync.at, e.g. America/New_York (empty: the system's)",
            reloadable: true),
        .init("sync.jitter", "20m", "random delay added to sync.at", reloadable: true),
        .init("sync.bulk_check", "true", "check catalog barcodes with bulk-check before fetching them"),
        .init(
            "sync.full_refresh", "off", "weekly full refresh instead of the delta: off or a weekday (sunday…saturday)",
            reloadable: true),
        .init("sync.overlap", "10m", "the delta lists again what changed this long before the last watermark"),
        .init(
            "sync.retry_pass_delay", "30s",
            "the wait before a sync tries its failed products again (a lost answer is never re-sent sooner)"),
        .init(
            "sync.keep_scanned", "30d",
            "besides the catalog's products, the nightly run keeps current those scanned this recently"),
        .init("sync.concurrency", "2", "products fetched at once during a sync (1 to 8)"),
        .init("shelf.base_url", "", "Retagly API root; shelf push is off unless set"),
        .init(
            "shelf.token", "", "the Retagly store token; prefer token_file or the retagly_token credential",
            secret: true),
        .init("shelf.token_file", "", "file holding the Retagly store token (or RETAGLY_TOKEN)"),
        .init("shelf.full_push", "off", "daily full catalog push to the displays: off or a store-local time HH:MM"),
        .init(
            "metrics.labels", "{}",
            "constant labels on every /metrics series, e.g. {store: \"0042\", client: rd_client_0042}", map: true),
        .init("log.level", "info", "trace, debug, info, notice, warning, error or critical", reloadable: true),
        .init("log.format", "logfmt", "logfmt (key=value) or json"),
    ]
}
