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
    case health
    /// A path under `/v1/products/` that cannot be a barcode (it holds a `/`).
    case badBarcodePath
    case notFound
    case methodNotAllowed(allowed: String)

    /// Resolves `method` and the request target `uri` (query string ignored).
    static func resolve(method: HTTPMethod, uri: String) -> Route {
        var path = Substring(uri)
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<query] }
        let readOnly = method == .GET || method == .HEAD
        if path.hasPrefix("/v1/products/") {
            let rest = path.dropFirst("/v1/products/".count)
            let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
            let route: Route
            switch parts.count {
            case 1: route = .product(barcode: parts[0])
            case 3 where parts[1] == "images" && !parts[2].isEmpty: route = .image(barcode: parts[0], variant: parts[2])
            default: return .badBarcodePath
            }
            return readOnly ? route : .methodNotAllowed(allowed: "GET, HEAD")
        }
        switch path {
        case "/v1/status": return readOnly ? .status : .methodNotAllowed(allowed: "GET, HEAD")
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
}
