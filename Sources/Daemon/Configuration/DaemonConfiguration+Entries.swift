import Core
import Foundation
import Logging
import Lookup

extension DaemonConfiguration {
    /// Every key of ``ConfigurationKey/all`` with its effective value, in that order.
    func entries() -> [ConfigurationEntry] {
        let text = ConfigurationText.self
        let duration = DurationText.format
        var entries = [
            ConfigurationEntry("upstream.base_url", text.scalar(upstream.baseURL)),
            ConfigurationEntry(
                "upstream.client_id", upstream.clientID.map(text.scalar) ?? "",
                note: upstream.clientIDSource?.description),
            ConfigurationEntry("upstream.client_id_file", upstream.clientIDFile.map(text.scalar) ?? ""),
            ConfigurationEntry(
                "upstream.api_key", upstream.apiKey == nil ? "" : text.quoted(Secret.redactedText),
                note: upstream.apiKeySource?.description, secret: upstream.apiKey),
            ConfigurationEntry("upstream.api_key_file", upstream.apiKeyFile.map(text.scalar) ?? ""),
            ConfigurationEntry("upstream.include", text.list(upstream.include.map(\.rawValue))),
            ConfigurationEntry("upstream.variants", text.list(upstream.variants.map(\.rawValue))),
            ConfigurationEntry("upstream.daily_credit_limit", upstream.dailyCreditLimit.description),
            ConfigurationEntry("upstream.scan_reserve", "\(upstream.scanReserve)"),
            ConfigurationEntry("upstream.request_timeout", duration(upstream.requestTimeout)),
            ConfigurationEntry("upstream.max_image_bytes", ByteCount.format(upstream.maxImageBytes)),
            proxyEntry(),
            ConfigurationEntry(
                "upstream.no_proxy", upstream.noProxy.map { text.list($0.texts) } ?? "",
                note: upstream.noProxy != nil || upstream.environmentProxies.noProxy.isEmpty
                    ? nil
                    : "environment \(upstream.environmentProxies.noProxyVariable ?? "NO_PROXY"): "
                        + upstream.environmentProxies.noProxy.texts.joined(separator: ",")),
            ConfigurationEntry("upstream.low_credit_warning", upstream.lowCreditWarning.description),
            ConfigurationEntry("storage.state_dir", text.scalar(storage.stateDirectory)),
            ConfigurationEntry("storage.metadata_ttl", duration(storage.metadataTTL)),
            ConfigurationEntry("storage.negative_ttl", duration(storage.negativeTTL)),
            ConfigurationEntry("storage.min_free", ByteCount.format(storage.minFreeBytes)),
            ConfigurationEntry("storage.max_image_bytes", ByteCount.format(storage.maxImageBytes)),
            ConfigurationEntry("listen.socket", text.scalar(listen.socketPath)),
            ConfigurationEntry("listen.socket_mode", text.quoted(listen.socketModeText)),
            ConfigurationEntry("listen.tcp", listen.tcp.map { text.quoted($0.description) } ?? ""),
            ConfigurationEntry("listen.max_connections", "\(listen.maxConnections)"),
            ConfigurationEntry("listen.idle_timeout", duration(listen.idleTimeout)),
            ConfigurationEntry("lookup.live_timeout", duration(lookup.liveTimeout)),
            ConfigurationEntry("lookup.max_staleness", duration(lookup.maxStaleness)),
            ConfigurationEntry("lookup.image_cache_bytes", ByteCount.format(lookup.imageCacheBytes)),
            ConfigurationEntry("catalog.path", catalog.path.map(text.scalar) ?? ""),
        ]
        entries += [
            ConfigurationEntry("sync.enabled", "\(sync.enabled)"),
            ConfigurationEntry("sync.at", text.quoted(sync.at.description)),
            ConfigurationEntry(
                "sync.timezone", sync.timeZoneIdentifier.map(text.scalar) ?? "",
                note: sync.timeZoneIdentifier == nil ? "the system's: \(sync.timeZone.identifier)" : nil),
            ConfigurationEntry("sync.jitter", duration(sync.jitter)),
            ConfigurationEntry("sync.bulk_check", "\(sync.bulkCheck)"),
            ConfigurationEntry("sync.full_refresh", sync.fullRefresh.description),
            ConfigurationEntry("sync.overlap", duration(sync.overlap)),
            ConfigurationEntry("sync.retry_pass_delay", duration(sync.retryPassDelay)),
            ConfigurationEntry("sync.keep_scanned", duration(sync.keepScanned)),
            ConfigurationEntry("sync.concurrency", "\(sync.concurrency)"),
            ConfigurationEntry("shelf.base_url", shelf.baseURL.map(text.scalar) ?? ""),
            ConfigurationEntry(
                "shelf.token", shelf.token == nil ? "" : text.quoted(Secret.redactedText),
                note: shelf.tokenSource?.description, secret: shelf.token),
            ConfigurationEntry("shelf.token_file", shelf.tokenFile.map(text.scalar) ?? ""),
            ConfigurationEntry(
                "shelf.full_push", shelf.fullPush == .off ? "off" : text.quoted(shelf.fullPush.description)),
            ConfigurationEntry(
                "metrics.labels",
                "{" + metrics.labels.map { "\($0.name): \(text.quoted($0.value))" }.joined(separator: ", ") + "}"),
            ConfigurationEntry("log.level", log.level.rawValue),
            ConfigurationEntry("log.format", log.format.rawValue),
        ]
        return entries
    }

    /// `upstream.proxy`: as set (credentials redacted, revealed only on request), or empty with a
    /// note naming the environment's proxies.
    private func proxyEntry() -> ConfigurationEntry {
        switch upstream.proxy {
        case .none:
            return ConfigurationEntry("upstream.proxy", "none")
        case .url(let proxy):
            return ConfigurationEntry(
                "upstream.proxy", ConfigurationText.quoted(proxy.description),
                secret: proxy.password == nil ? nil : Secret(proxy.revealedText))
        case .environment:
            let found = upstream.environmentProxies
            var notes: [String] = []
            if let https = found.https { notes.append("environment \(found.httpsVariable ?? "HTTPS_PROXY"): \(https)") }
            if let http = found.http { notes.append("environment \(found.httpVariable ?? "HTTP_PROXY"): \(http)") }
            if !notes.isEmpty { notes.append("not for loopback hosts") }
            return ConfigurationEntry("upstream.proxy", "", note: notes.isEmpty ? nil : notes.joined(separator: "; "))
        }
    }
}
