import Foundation

extension DaemonConfiguration {
    /// The proxy a request to `url` goes through, `nil` for a direct connection (pure).
    ///
    /// - `upstream.proxy: none` → direct.
    /// - `upstream.proxy: URL` → that proxy, for every host the no-proxy list does not match.
    /// - not set → the environment's `HTTPS_PROXY` (https URLs) or `HTTP_PROXY` (http URLs), except
    ///   for loopback hosts (`localhost`, `127.0.0.0/8`, `::1`: a session's proxy is for the outside
    ///   world, and the sandbox runs on loopback) and hosts the no-proxy list matches.
    ///
    /// The no-proxy list is `upstream.no_proxy`, else `NO_PROXY`. Each API's calls all take the route
    /// of its base URL (see ``HTTPClients``): a signed image URL is bound to the address that asked
    /// for it, so its download must leave the same way.
    public func proxy(for url: String) -> ProxyURL? {
        guard let components = URLComponents(string: url), let host = components.host,
            let scheme = components.scheme?.lowercased()
        else { return nil }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        let chosen: ProxyURL?
        switch upstream.proxy {
        case .none: return nil
        case .url(let proxy): chosen = proxy
        case .environment:
            if SettingParsers.isLoopback(host) { return nil }
            chosen = scheme == "https" ? upstream.environmentProxies.https : upstream.environmentProxies.http
        }
        guard let chosen else { return nil }
        let noProxy = upstream.noProxy ?? upstream.environmentProxies.noProxy
        return noProxy.matches(host: host, port: port) ? nil : chosen
    }
}
