import NIOHTTP1

/// One HTTP answer, body read in full (up to a limit).
struct RawResponse: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]
    /// Whether the shared `HTTPClient` followed a redirect to get here.
    var followedRedirect: Bool

    /// The first value of header `name`.
    func header(_ name: String) -> String? { headers[name].first }
}
