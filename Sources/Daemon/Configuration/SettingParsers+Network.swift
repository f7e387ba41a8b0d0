import Foundation
import Lookup

extension SettingParsers {
    /// An `http(s)://host[:port]/path` URL without query or fragment, returned without a trailing `/`.
    /// Plain `http` only to a loopback host (the sandbox): credentials never cross a network in clear.
    static func serviceURL(_ text: String) -> String? {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty, components.query == nil, components.fragment == nil,
            components.user == nil, components.password == nil
        else { return nil }
        switch scheme {
        case "https": break
        case "http": guard isLoopback(host) else { return nil }
        default: return nil
        }
        var url = text
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// `127.0.0.1:PORT`, `localhost:PORT` or `[::1]:PORT` (any `127.x.y.z`); port 0 takes a free port.
    static func loopbackAddress(_ text: String) -> LookupConfiguration.TCPAddress? {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                return nil
            }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard isLoopback(String(host)), !portText.isEmpty, portText.allSatisfy({ $0.isASCII && $0.isNumber }),
            let port = Int(portText), (0...65535).contains(port)
        else { return nil }
        return LookupConfiguration.TCPAddress(host: String(host), port: port)
    }

    /// Whether `host` names this machine only: `localhost`, `127.0.0.0/8` or `::1`.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if bare.lowercased() == "localhost" || bare == "::1" { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else { return false }
        return parts[0] == "127"
    }
}
