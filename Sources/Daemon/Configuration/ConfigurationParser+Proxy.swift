import Core

extension ConfigurationParser {
    static let proxyText = "an HTTP proxy URL http://[user:password@]host:port (CONNECT is used), or none"
    static let noProxyText =
        "a list of hosts reached without the proxy: domains (example.com, .example.com), IP addresses, "
        + "CIDR blocks (10.0.0.0/8), each optionally with :port, or *"

    /// `upstream.proxy`, `upstream.no_proxy` and, while they are not set, the environment's
    /// `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` (upper case first, then lower case). A proxy
    /// variable that does not read as a proxy URL is a problem: ignoring it would send the calls
    /// somewhere the operator did not mean.
    static func parseProxy(_ upstream: inout UpstreamSettings, _ reader: inout SettingReader) {
        upstream.proxy =
            reader.value("upstream.proxy", allowed: proxyText) { text -> ProxySetting? in
                if ["none", "off", "direct"].contains(text.lowercased()) { return ProxySetting.none }
                return ProxyURL.parse(text).map(ProxySetting.url)
            } ?? .environment
        upstream.noProxy = reader.list("upstream.no_proxy", allowed: noProxyText) { item in
            NoProxyList([item]) == nil ? nil : item
        }.flatMap { NoProxyList($0) }

        let environment = reader.values.environment
        var found = EnvironmentProxies()
        if upstream.proxy == .environment {
            if let (name, text) = first(EnvironmentProxies.httpsNames, in: environment) {
                found.https = proxy(text, name, &reader)
                found.httpsVariable = name
            }
            if let (name, text) = first(EnvironmentProxies.httpNames, in: environment) {
                found.http = proxy(text, name, &reader)
                found.httpVariable = name
            }
        }
        if upstream.noProxy == nil, let (name, text) = first(EnvironmentProxies.noProxyNames, in: environment) {
            if let list = NoProxyList(text: text) {
                found.noProxy = list
                found.noProxyVariable = name
            } else {
                reader.record(
                    ConfigurationProblem(
                        key: "upstream.no_proxy", value: text, origin: "environment \(name)",
                        allowed: "expected " + noProxyText))
            }
        }
        upstream.environmentProxies = found
    }

    /// The first of `names` set (non-empty) in `environment`.
    private static func first(_ names: [String], in environment: [String: String]) -> (String, String)? {
        for name in names {
            if let text = environment[name], !text.trimmingSpaces.isEmpty { return (name, text) }
        }
        return nil
    }

    /// The proxy of an environment variable, or a problem (without the value: it may hold a password).
    private static func proxy(_ text: String, _ name: String, _ reader: inout SettingReader) -> ProxyURL? {
        if let proxy = ProxyURL.parse(text) { return proxy }
        reader.record(
            ConfigurationProblem(
                key: "upstream.proxy", value: nil, origin: "environment \(name)",
                allowed: "expected " + proxyText + " (or set upstream.proxy, which wins over the environment)"))
        return nil
    }

    /// `metrics.labels`.
    static func parseMetrics(_ metrics: inout MetricsSettings, _ reader: inout SettingReader) {
        let items = reader.pairs(
            "metrics.labels",
            allowed: "labels such as {store: \"0042\", client: rd_client_0042}: names [a-zA-Z_][a-zA-Z0-9_]*, "
                + "values of 1 to 128 characters",
            maximum: MetricLabel.maximumCount, check: MetricLabel.problem(name:value:))
        if let items { metrics.labels = items.map { MetricLabel($0.name, $0.value) } }
    }
}
