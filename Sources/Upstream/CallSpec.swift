import Core
import NIOHTTP1

/// One authenticated API call as the retry loop sees it.
struct CallSpec: Sendable {
    var endpoint: Endpoint
    var method: HTTPMethod = .GET
    /// The path and query after the base URL, e.g. `/products/017000161563?include=images&variants=front`.
    var path: String
    var body: [UInt8]?
    var extraHeaders: [(String, String)] = []
    /// The cost the formula expects (an upper bound when the product's variants are unknown).
    var expectedCost: Credits
    var maxBytes: Int
    /// Whether a `302` is the answer (the image-redirect endpoint).
    var acceptsRedirect = false

    /// Whether the call may be sent again at once after its answer was lost: a free call, or one
    /// under an `Idempotency-Key` (a replay is free). A paid call without one is never re-sent in
    /// the same breath, and its attempt may take the whole deadline.
    var resendsAfterLostAnswer: Bool {
        expectedCost == .zero || extraHeaders.contains { $0.0.lowercased() == "idempotency-key" }
    }
}
