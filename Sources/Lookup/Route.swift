import NIOHTTP1

/// A request target resolved to what the socket does with it. Pure: tests call it without I/O.
enum Route: Equatable {
    case product(barcode: Substring)
    case image(barcode: Substring, variant: Substring)
    case status
    case startSync
    case syncRun(id: Substring)
    case shelfProducts
    case metrics
    /// `GET /v1/usage?month=YYYY-MM`: the month's usage, upstream's and the daemon's own ledger.
    case usage(month: Substring?)
    case health
    /// A path under `/v1/products/` that cannot be a barcode (it holds a `/`).
    case badBarcodePath
    case notFound
    case methodNotAllowed(allowed: String)

    /// Resolves `method` and the request target `uri` (query string ignored). Works on the UTF-8
    /// bytes (it runs for every request), slicing `uri` only at ASCII positions.
    static func resolve(method: HTTPMethod, uri: String) -> Route {
        let bytes = uri.utf8
        let end = bytes.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.endIndex
        let path = uri[bytes.startIndex..<end]
        let readOnly = method == .GET || method == .HEAD
        if let rest = path.utf8.dropPrefix(Self.productsPrefix) {
            var slashes: [String.Index] = []
            var index = rest.startIndex
            while index < rest.endIndex, slashes.count < 3 {
                if rest[index] == UInt8(ascii: "/") { slashes.append(index) }
                index = rest.index(after: index)
            }
            let route: Route
            switch slashes.count {
            case 0:
                route = .product(barcode: uri[rest.startIndex..<end])
            case 2
            where uri.utf8[uri.utf8.index(after: slashes[0])..<slashes[1]].elementsEqual("images".utf8)
                && uri.utf8.index(after: slashes[1]) < end:
                route = .image(
                    barcode: uri[rest.startIndex..<slashes[0]], variant: uri[uri.utf8.index(after: slashes[1])..<end])
            default:
                return .badBarcodePath
            }
            return readOnly ? route : .methodNotAllowed(allowed: "GET, HEAD")
        }
        switch path {
        case "/v1/status": return readOnly ? .status : .methodNotAllowed(allowed: "GET, HEAD")
        case "/v1/usage":
            return readOnly ? .usage(month: Self.query("month", in: uri)) : .methodNotAllowed(allowed: "GET, HEAD")
        case "/metrics": return readOnly ? .metrics : .methodNotAllowed(allowed: "GET, HEAD")
        case "/healthz": return readOnly ? .health : .methodNotAllowed(allowed: "GET, HEAD")
        case "/v1/sync": return method == .POST ? .startSync : .methodNotAllowed(allowed: "POST")
        case "/v1/shelf/products": return method == .POST ? .shelfProducts : .methodNotAllowed(allowed: "POST")
        default: break
        }
        if path.hasPrefix("/v1/sync/") {
            let id = path.dropFirst("/v1/sync/".count)
            guard !id.isEmpty, !id.contains("/") else { return .notFound }
            return readOnly ? .syncRun(id: id) : .methodNotAllowed(allowed: "GET, HEAD")
        }
        return .notFound
    }

    private static let productsPrefix = Array("/v1/products/".utf8)
}

extension Substring.UTF8View {
    /// What follows `prefix`, or `nil` when the bytes do not start with it.
    fileprivate func dropPrefix(_ prefix: [UInt8]) -> Substring.UTF8View? {
        var index = startIndex
        for byte in prefix {
            guard index < endIndex, self[index] == byte else { return nil }
            index = self.index(after: index)
        }
        return self[index...]
    }
}

extension Route {
    /// Routes for people and monitoring (status, metrics, sync and shelf control): they get their
    /// own small lane, so a flood of them never makes scans answer `503 busy`.
    var isControl: Bool {
        switch self {
        case .status, .startSync, .syncRun, .shelfProducts, .metrics, .usage: return true
        default: return false
        }
    }
}

extension Route {
    /// The value of query parameter `name` in `uri` (not percent-decoded; `nil` when absent).
    static func query(_ name: String, in uri: String) -> Substring? {
        guard let mark = uri.firstIndex(of: "?") else { return nil }
        for pair in uri[uri.index(after: mark)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.first == Substring(name) { return parts.count > 1 ? parts[1] : "" }
        }
        return nil
    }
}
