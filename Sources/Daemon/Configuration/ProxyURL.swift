import Core
import Foundation

/// An HTTP proxy (`upstream.proxy`, `HTTPS_PROXY`): `http://[user:password@]host[:port]`. Calls go
/// through it with `CONNECT` (AsyncHTTPClient's proxy support), TLS to the API inside the tunnel.
/// The credentials are a secret: ``description`` never shows them.
public struct ProxyURL: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// Basic proxy authorization (`Proxy-Authorization`), when the URL carries `user:password@`.
    public var username: String?
    public var password: Secret?

    public init(host: String, port: Int, username: String? = nil, password: Secret? = nil) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
    }

    /// `http://host:port`, or `http://[redacted]@host:port` when it carries credentials.
    public var description: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return "http://" + (username == nil ? "" : Secret.redactedText + "@") + "\(bracketed):\(port)"
    }

    /// The whole URL, credentials included (only for `--check-config --reveal`).
    var revealedText: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        guard let username else { return "http://\(bracketed):\(port)" }
        let user = username.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? username
        let secret =
            password.map { ":" + ($0.revealed.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed) ?? "") }
            ?? ""
        return "http://\(user)\(secret)@\(bracketed):\(port)"
    }

    /// Reads `http://[user:password@]host[:port][/]`; a text without a scheme is taken as `http://`
    /// (as curl and Go read `HTTPS_PROXY=proxy:3128`). The port defaults to 80. `https://` and
    /// SOCKS proxies are refused: the tunnel to the proxy itself is plain HTTP.
    public static func parse(_ text: String) -> ProxyURL? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let withScheme = trimmed.contains("://") ? trimmed : "http://" + trimmed
        guard let components = URLComponents(string: withScheme), components.scheme?.lowercased() == "http",
            let host = components.host, !host.isEmpty, components.query == nil, components.fragment == nil,
            components.path.isEmpty || components.path == "/"
        else { return nil }
        let port = components.port ?? 80
        guard (1...65535).contains(port) else { return nil }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var proxy = ProxyURL(host: bare, port: port)
        if let user = components.percentEncodedUser {
            guard let decoded = user.removingPercentEncoding, !decoded.isEmpty else { return nil }
            proxy.username = decoded
            proxy.password = components.percentEncodedPassword.map { Secret($0.removingPercentEncoding ?? $0) }
        }
        return proxy
    }
}
