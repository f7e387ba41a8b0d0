import Core

/// Builds a ``DaemonConfiguration`` from raw values, key by key, collecting every problem.
/// Credentials are resolved afterwards by ``CredentialResolver``.
enum ConfigurationParser {
    static let durationText = "a duration such as 800ms, 30s, 20m, 24h or 7d"

    /// The configuration with every good value applied, and the problems of the bad ones.
    static func parse(_ values: ConfigurationValues) -> (DaemonConfiguration, [ConfigurationProblem]) {
        var reader = SettingReader(values: values)
        var configuration = DaemonConfiguration()
        configuration.filePath = values.filePath
        parseUpstream(&configuration.upstream, &reader)
        parseStorage(&configuration.storage, &reader)
        parseListen(&configuration.listen, &reader)
        parseLookup(&configuration.lookup, &reader)
        parseSync(&configuration.sync, &reader)
        parseShelf(&configuration.shelf, &reader)
        parseMetrics(&configuration.metrics, &reader)
        parseLog(&configuration.log, &reader)
        if let path = reader.value("catalog.path", allowed: "an absolute path", parse: SettingParsers.absolutePath) {
            configuration.catalog.path = path
        }
        return (configuration, reader.problems)
    }

    static func parseUpstream(_ upstream: inout UpstreamSettings, _ reader: inout SettingReader) {
        let urlText = "an https:// URL (http:// only to 127.0.0.1, ::1 or localhost), without query"
        upstream.baseURL =
            reader.value("upstream.base_url", allowed: urlText, parse: SettingParsers.serviceURL)
            ?? upstream.baseURL
        upstream.clientIDFile = reader.value(
            "upstream.client_id_file", allowed: "an absolute path", parse: SettingParsers.absolutePath)
        upstream.apiKeyFile = reader.value(
            "upstream.api_key_file", allowed: "an absolute path", parse: SettingParsers.absolutePath)
        let scopes = IncludeScope.allCases.map(\.rawValue).joined(separator: ", ")
        upstream.include =
            reader.list("upstream.include", allowed: "a list of \(scopes)") {
                IncludeScope(rawValue: $0)
            } ?? upstream.include
        let variants = ImageVariant.allCases.map(\.rawValue).joined(separator: ", ")
        upstream.variants =
            reader.list("upstream.variants", allowed: "a list of \(variants)") {
                ImageVariant(rawValue: $0)
            } ?? upstream.variants
        upstream.dailyCreditLimit =
            reader.value(
                "upstream.daily_credit_limit",
                allowed: "a number of credits from 0 to 1000000000000 with at most 3 decimals (0: no limit)",
                parse: SettingParsers.credits) ?? upstream.dailyCreditLimit
        upstream.scanReserve =
            reader.value("upstream.scan_reserve", allowed: "a decimal from 0 to 0.9") {
                SettingParsers.decimal($0, in: 0...0.9)
            } ?? upstream.scanReserve
        upstream.requestTimeout =
            reader.value(
                "upstream.request_timeout", allowed: durationText + ", from 1s to 10m"
            ) { SettingParsers.duration($0, in: .seconds(1)...(.seconds(600))) } ?? upstream.requestTimeout
        upstream.maxImageBytes =
            reader.value(
                "upstream.max_image_bytes", allowed: "a size such as 10MiB or 10485760, from 64KiB to 1GiB"
            ) { SettingParsers.bytes($0, in: (64 << 10)...(1 << 30)) } ?? upstream.maxImageBytes
        parseProxy(&upstream, &reader)
        upstream.lowCreditWarning =
            reader.value(
                "upstream.low_credit_warning",
                allowed: "a number of credits from 0 to 1000000000000 with at most 3 decimals (0: off)",
                parse: SettingParsers.credits) ?? upstream.lowCreditWarning
    }

    static func parseStorage(_ storage: inout StorageSettings, _ reader: inout SettingReader) {
        storage.stateDirectory =
            reader.value(
                "storage.state_dir", allowed: "an absolute path", parse: SettingParsers.absolutePath)
            ?? storage.stateDirectory
        storage.metadataTTL =
            reader.value("storage.metadata_ttl", allowed: durationText + ", from 1m to 30d") {
                SettingParsers.duration($0, in: .seconds(60)...(.seconds(30 * 86_400)))
            } ?? storage.metadataTTL
        storage.negativeTTL =
            reader.value("storage.negative_ttl", allowed: durationText + ", from 1m to 90d") {
                SettingParsers.duration($0, in: .seconds(60)...(.seconds(90 * 86_400)))
            } ?? storage.negativeTTL
        storage.minFreeBytes =
            reader.value("storage.min_free", allowed: "a size such as 64MiB or 67108864, from 0 to 1TiB") {
                SettingParsers.bytes($0, in: 0...(1 << 40))
            } ?? storage.minFreeBytes
        storage.maxImageBytes =
            reader.value(
                "storage.max_image_bytes", allowed: "a size such as 2GiB or 2147483648, from 0 (no cap) to 16TiB"
            ) { SettingParsers.bytes($0, in: 0...(1 << 44)) } ?? storage.maxImageBytes
    }

    static func parseListen(_ listen: inout ListenSettings, _ reader: inout SettingReader) {
        listen.socketPath =
            reader.value(
                "listen.socket", allowed: "an absolute path of at most 107 bytes", parse: SettingParsers.socketPath)
            ?? listen.socketPath
        listen.socketMode =
            reader.value(
                "listen.socket_mode", allowed: "octal permission bits such as \"0660\" (at most 0777)",
                parse: SettingParsers.socketMode) ?? listen.socketMode
        listen.tcp = reader.value(
            "listen.tcp", allowed: "a loopback address 127.0.0.1:PORT or [::1]:PORT (the socket API is local only)",
            parse: SettingParsers.loopbackAddress)
        listen.maxConnections =
            reader.value("listen.max_connections", allowed: "a whole number from 1 to 65536") {
                SettingParsers.integer($0, in: 1...65536)
            } ?? listen.maxConnections
        listen.idleTimeout =
            reader.value("listen.idle_timeout", allowed: durationText + ", from 1s to 1h") {
                SettingParsers.duration($0, in: .seconds(1)...(.seconds(3600)))
            } ?? listen.idleTimeout
    }

    static func parseLookup(_ lookup: inout LookupSettings, _ reader: inout SettingReader) {
        lookup.liveTimeout =
            reader.value("lookup.live_timeout", allowed: durationText + ", from 50ms to 30s") {
                SettingParsers.duration($0, in: .milliseconds(50)...(.seconds(30)))
            } ?? lookup.liveTimeout
        lookup.maxStaleness =
            reader.value("lookup.max_staleness", allowed: durationText + ", from 1m to 365d") {
                SettingParsers.duration($0, in: .seconds(60)...(.seconds(365 * 86_400)))
            } ?? lookup.maxStaleness
        lookup.imageCacheBytes =
            reader.value(
                "lookup.image_cache_bytes", allowed: "a size such as 64MiB, from 0 to 16GiB"
            ) { SettingParsers.bytes($0, in: 0...(16 << 30)) } ?? lookup.imageCacheBytes
    }
}
