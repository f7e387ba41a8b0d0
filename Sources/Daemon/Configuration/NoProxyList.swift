import Foundation

/// The hosts reached without the proxy (`upstream.no_proxy`, else `NO_PROXY` / `no_proxy`), read as
/// curl and Go read them: comma-separated entries, each `*` (every host), a domain (`example.com`
/// matches it and its subdomains; a leading `.` or `*.` means the same), an IP address, or an IP
/// block in CIDR notation (`10.0.0.0/8`, `fd00::/8`); a host or IPv4 entry may end in `:port` to
/// match that port only. Matching is pure: host names are compared as written, never resolved.
public struct NoProxyList: Sendable, Hashable {
    /// One entry.
    enum Entry: Sendable, Hashable {
        case everything
        case domain(String, port: Int?)
        case address([UInt8], prefix: Int, port: Int?)
    }

    var entries: [Entry]
    /// The entries as written, for the effective configuration.
    public var texts: [String]

    public init() {
        entries = []
        texts = []
    }

    /// Parses `items`; `nil` when one of them is not an entry (a problem names it).
    public init?(_ items: [String]) {
        var entries: [Entry] = []
        var texts: [String] = []
        for item in items.map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            guard let entry = Self.entry(item) else { return nil }
            entries.append(entry)
            texts.append(item)
        }
        self.entries = entries
        self.texts = texts
    }

    /// Parses a comma-separated text (the environment's form).
    public init?(text: String) { self.init(text.split(separator: ",").map(String.init)) }

    public var isEmpty: Bool { entries.isEmpty }

    /// Whether a request to `host:port` bypasses the proxy.
    public func matches(host: String, port: Int) -> Bool {
        let bare = (host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host)
            .lowercased()
        let address = IPAddressText.bytes(bare)
        for entry in entries {
            switch entry {
            case .everything:
                return true
            case .domain(let domain, let entryPort):
                guard entryPort == nil || entryPort == port else { continue }
                if bare == domain || bare.hasSuffix("." + domain) { return true }
            case .address(let bytes, let prefix, let entryPort):
                guard entryPort == nil || entryPort == port, let address, address.count == bytes.count else {
                    continue
                }
                if IPAddressText.sharesPrefix(address, bytes, bits: prefix) { return true }
            }
        }
        return false
    }

    private static func entry(_ text: String) -> Entry? {
        if text == "*" { return .everything }
        var body = text.lowercased()
        var port: Int?
        if body.hasPrefix("[") {
            // [v6] or [v6]:port
            guard let close = body.firstIndex(of: "]") else { return nil }
            let rest = body[body.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":"), let value = Int(rest.dropFirst()), (1...65535).contains(value) else {
                    return nil
                }
                port = value
            }
            body = String(body[body.index(after: body.startIndex)..<close])
        } else if body.filter({ $0 == ":" }).count == 1, let colon = body.firstIndex(of: ":") {
            guard let value = Int(body[body.index(after: colon)...]), (1...65535).contains(value) else { return nil }
            port = value
            body = String(body[..<colon])
        }
        if let slash = body.firstIndex(of: "/") {
            guard let bytes = IPAddressText.bytes(String(body[..<slash])),
                let bits = Int(body[body.index(after: slash)...]),
                (0...(bytes.count * 8)).contains(bits)
            else { return nil }
            return .address(bytes, prefix: bits, port: port)
        }
        if let bytes = IPAddressText.bytes(body) { return .address(bytes, prefix: bytes.count * 8, port: port) }
        if body.hasPrefix("*.") { body.removeFirst(2) } else if body.hasPrefix(".") { body.removeFirst() }
        let allowed = body.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
        guard !body.isEmpty, allowed, !body.hasPrefix("."), !body.hasSuffix(".") else { return nil }
        return .domain(body, port: port)
    }
}

/// IPv4 and IPv6 address literals as bytes (pure; no resolver).
enum IPAddressText {
    /// The 4 or 16 bytes of an address literal, or `nil` when `text` is not one.
    static func bytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }

    /// Whether `a` and `b` agree on their first `bits` bits.
    static func sharesPrefix(_ a: [UInt8], _ b: [UInt8], bits: Int) -> Bool {
        var remaining = bits
        for index in a.indices where remaining > 0 {
            let take = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - take))
            if a[index] & mask != b[index] & mask { return false }
            remaining -= take
        }
        return true
    }
}
