import Foundation
import NIOHTTP1

/// What the loopback TCP listener (`listen.tcp`) accepts, so that only programs of this machine
/// can use it and no web page can (pure): a browser's cross-origin request carries `Origin`; a DNS
/// rebinding attack reaches it by the attacker's host name in `Host`; a page's "simple" POST cannot
/// send `Content-Type: application/json` without a CORS preflight, which the daemon never grants.
/// The Unix socket needs none of this: its file mode and group decide who may connect.
struct TCPRequestPolicy: Sendable {
    /// Host names a request may name (any port): `localhost`, the loopback addresses, the listener's.
    let allowedHosts: Set<String>

    init(listenerHost: String) {
        allowedHosts = ["localhost", "127.0.0.1", "::1", listenerHost.lowercased()]
    }

    /// The refusal for `head`, or `nil` when it may be served.
    func refusal(_ head: HTTPRequestHead) -> Answer? {
        if head.headers.contains(name: "origin") {
            return .error(
                .forbidden, code: "cross_origin",
                message: "requests from web pages (with an Origin header) are refused on the TCP listener; "
                    + "call it from a program on this machine, or use the Unix socket")
        }
        let hosts = head.headers["host"]
        if hosts.count > 1 || hosts.contains(where: { !allowedHosts.contains(Self.hostName($0)) }) {
            return .error(
                .forbidden, code: "host_not_allowed",
                message: "the TCP listener answers only requests for localhost or its own address, not "
                    + hosts.joined(separator: ", "))
        }
        if head.method == .POST, !Self.isJSON(head.headers.first(name: "content-type")) {
            return .error(
                .unsupportedMediaType, code: "unsupported_media_type",
                message: "POST on the TCP listener needs Content-Type: application/json")
        }
        return nil
    }

    /// `host`, `host:port`, `[v6]` or `[v6]:port` → the lowercased host.
    static func hostName(_ value: String) -> String {
        let text = value.trimmingCharacters(in: .whitespaces).lowercased()
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            return String(text[text.index(after: text.startIndex)..<close])
        }
        if let colon = text.lastIndex(of: ":"), text.firstIndex(of: ":") == colon {
            return String(text[..<colon])
        }
        return text
    }

    /// Whether a Content-Type is `application/json` (parameters such as a charset allowed).
    static func isJSON(_ value: String?) -> Bool {
        guard let value else { return false }
        let type = value.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        return type.trimmingCharacters(in: .whitespaces).lowercased() == "application/json"
    }
}
