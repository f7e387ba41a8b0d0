/// Every route of the emulated Retail Digitals API, named by its template (as the ledger records it).
public enum SandboxEndpoint: String, Sendable, CaseIterable, Hashable {
    case token = "POST /auth/token"
    case refresh = "POST /auth/refresh"
    case revoke = "POST /auth/revoke"
    case productGet = "GET /products/{barcode}"
    case productHead = "HEAD /products/{barcode}"
    case listing = "GET /products"
    case bulkCheck = "POST /products/bulk-check"
    case imageRedirect = "GET /products/{barcode}/image"
    case imageDelivery = "GET /image/{token}"
    case balance = "GET /balance"
    case account = "GET /account"
    case usage = "GET /usage"
    case pricing = "GET /pricing"
    case health = "GET /health"

    /// Whether the endpoint takes a Bearer access token.
    var isBearerAuthenticated: Bool {
        switch self {
        case .token, .refresh, .imageDelivery, .health: return false
        default: return true
        }
    }

    /// Whether a request counts against the client's minute and day budgets (`/auth/*` count only
    /// against their per-IP throttles; `/image/{token}` and `/health` are not client calls).
    var countsForRateLimit: Bool { isBearerAuthenticated && self != .revoke }

    /// Whether `Idempotency-Key` is honoured.
    var acceptsIdempotencyKey: Bool { self == .bulkCheck || self == .revoke }
}
