/// One Retail Digitals API request as the sandbox's logic sees it: already read off the wire,
/// independent of Hummingbird, so the logic runs under one lock without I/O.
struct SandboxAPIRequest: Sendable {
    var endpoint: SandboxEndpoint
    var requestID: String
    /// `GET`, `HEAD` or `POST`.
    var method: String
    /// Path and query for the ledger, signed tokens redacted.
    var path: String
    /// Query parameters, percent-decoded (the first value of a repeated name).
    var query: [String: String] = [:]
    var body: [UInt8] = []
    /// The body was larger than the sandbox accepts.
    var bodyTooLarge = false
    var peerIP: String
    /// The base URL signed image URLs are built on (`http://host:port/api/v1`).
    var baseURL: String
    /// The `{barcode}` or `{token}` path parameter.
    var pathParameter: String?
    /// The Bearer token, if an `Authorization: Bearer` header was sent.
    var bearer: String?
    var idempotencyKey: String?

    var isHead: Bool { method == "HEAD" }
}
