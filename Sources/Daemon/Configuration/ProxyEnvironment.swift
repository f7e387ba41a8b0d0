import Core

/// While `upstream.proxy` / `upstream.no_proxy` are not set, the environment's `HTTPS_PROXY` /
/// `HTTP_PROXY` / `NO_PROXY` (upper case first, then lower case). A proxy variable that does not
/// read as a proxy URL is a problem: ignoring it would send the calls somewhere the operator did
/// not mean.
enum ProxyEnvironment {
    /// Fills `upstream.environmentProxies` after the keys are read.
    static func resolve(_ configuration: inout DaemonConfiguration, _ reader: inout SettingReader) {
        let environment = reader.values.environment
        var found = EnvironmentProxies()
        if configuration.upstream.proxy == .environment {
            if let (name, text) = first(EnvironmentProxies.httpsNames, in: environment) {
                found.https = proxy(text, name, &reader)
                found.httpsVariable = name
            }
            if let (name, text) = first(EnvironmentProxies.httpNames, in: environment) {
                found.http = proxy(text, name, &reader)
                found.httpVariable = name
            }
        }
        if configuration.upstream.noProxy == nil,
            let (name, text) = first(EnvironmentProxies.noProxyNames, in: environment)
        {
            if let list = NoProxyList(text: text) {
                found.noProxy = list
                found.noProxyVariable = name
            } else {
                reader.record(
                    ConfigurationProblem(
                        key: "upstream.no_proxy", value: text, origin: "environment \(name)",
                        allowed: "expected " + SettingNotation<NoProxyList>.noProxy.allowed))
            }
        }
        configuration.upstream.environmentProxies = found
    }

    /// `--check-config`'s comment on an empty `upstream.proxy`: the environment's proxies.
    static func proxyNote(_ configuration: DaemonConfiguration) -> String? {
        guard configuration.upstream.proxy == .environment else { return nil }
        let found = configuration.upstream.environmentProxies
        var notes: [String] = []
        if let https = found.https { notes.append("environment \(found.httpsVariable ?? "HTTPS_PROXY"): \(https)") }
        if let http = found.http { notes.append("environment \(found.httpVariable ?? "HTTP_PROXY"): \(http)") }
        if !notes.isEmpty { notes.append("not for loopback hosts") }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }

    /// `--check-config`'s comment on an empty `upstream.no_proxy`: the environment's list.
    static func noProxyNote(_ configuration: DaemonConfiguration) -> String? {
        let found = configuration.upstream.environmentProxies
        guard configuration.upstream.noProxy == nil, !found.noProxy.isEmpty else { return nil }
        return "environment \(found.noProxyVariable ?? "NO_PROXY"): " + found.noProxy.texts.joined(separator: ",")
    }

    /// The configured proxy's URL with its password, compared on reload and printed only when asked.
    static func proxySecret(_ configuration: DaemonConfiguration) -> Secret? {
        guard case .url(let proxy) = configuration.upstream.proxy, proxy.password != nil else { return nil }
        return Secret(proxy.revealedText)
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
                allowed: "expected " + SettingNotation<ProxySetting>.proxy.allowed
                    + " (or set upstream.proxy, which wins over the environment)"))
        return nil
    }
}
