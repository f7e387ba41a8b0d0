import Core

extension SettingNotation where Value == ProxySetting {
    /// `upstream.proxy`: `none` (also `off`, `direct`) or a proxy URL, printed with its password
    /// redacted; not set: the environment's (printed empty).
    static var proxy: Self {
        Self(
            "an HTTP proxy URL http://[user:password@]host:port (CONNECT is used), or none",
            yaml: { setting in
                switch setting {
                case .environment: return nil
                case .none: return ConfigurationYAML.text("none")
                case .url(let proxy): return ConfigurationYAML.quoted(proxy.description)
                }
            },
            parse: { text in
                if ["none", "off", "direct"].contains(text.lowercased()) { return ProxySetting.none }
                return ProxyURL.parse(text).map(ProxySetting.url)
            })
    }
}

extension SettingNotation where Value == NoProxyList {
    /// `upstream.no_proxy` (and `NO_PROXY`): hosts reached without the proxy.
    static var noProxy: Self {
        let items = SettingNotation<[String]>.list(
            "a list of hosts reached without the proxy: domains (example.com, .example.com), IP addresses, "
                + "CIDR blocks (10.0.0.0/8), each optionally with :port, or *",
            item: { NoProxyList([$0]) == nil ? nil : $0 }, text: { $0 })
        return Self(
            allowed: items.allowed,
            read: { shape throws(SettingRejection) in
                guard let list = NoProxyList(try items.read(shape)) else { throw .notAllowed }
                return list
            }, yaml: { ConfigurationYAML.list($0.texts) })
    }
}
