import Core
import Crypto
import Foundation

/// Everything the emulated Retail Digitals API knows and changes, in one value guarded by one lock:
/// the catalog, the clients' live accounts and rate windows, tokens, signed URLs, idempotent answers
/// and the ledger. Its logic is plain synchronous code over this value (no I/O), so a request is
/// decided atomically and tests can drive it without sockets.
struct SandboxState: Sendable {
    /// One client's live account.
    struct Client: Sendable {
        var account: SandboxClientAccount
        var minute = RateWindow(length: 60)
        var day = RateWindow(length: 86_400)

        /// Moves both windows to the ones containing `now`.
        mutating func roll(to now: Int64) {
            minute.roll(to: now)
            day.roll(to: now)
        }
    }

    var catalog: SandboxCatalog
    var clients: [String: Client] = [:]
    /// Client ids in configuration order.
    var clientOrder: [String] = []
    var tokens = SandboxTokenStore()
    let jwt: SandboxJWT
    var signedURLs: SandboxSignedURLs
    var idempotency = SandboxIdempotency()
    /// Per-IP throttles of `/auth/token` and `/auth/refresh`, keyed by endpoint and IP.
    var authThrottles: [String: RateWindow] = [:]
    var ledger: [LedgerEntry] = []
    var endpointCounts: [SandboxEndpoint: Int] = [:]
    var pricing = SandboxPricing()
    let accessTokenLifetime: Int64

    /// Requests per minute per IP on `/auth/token` and on `/auth/refresh` (seed 004, 1.1.0).
    static let authThrottleLimit = 10

    init(configuration: SandboxConfiguration) {
        catalog = SandboxCatalog(
            size: configuration.products, seed: configuration.seed, start: configuration.clock.now(),
            ambiguous: configuration.ambiguousProducts)
        for account in configuration.clients where clients[account.id] == nil {
            clients[account.id] = Client(account: account)
            clientOrder.append(account.id)
        }
        jwt = SandboxJWT(key: SymmetricKey(size: .bits256))
        signedURLs = SandboxSignedURLs(key: SymmetricKey(size: .bits256))
        accessTokenLifetime = max(1, Int64(configuration.accessTokenLifetime.timeInterval.rounded()))
    }

    /// A random lowercase hex string of `bytes` random bytes.
    static func randomHex(_ bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        var out = ""
        for _ in 0..<bytes {
            let byte = UInt8.random(in: 0...255, using: &generator)
            out += String(byte >> 4, radix: 16) + String(byte & 0xF, radix: 16)
        }
        return out
    }

    /// A fresh request id (`req_…`).
    static func newRequestID() -> String { "req_" + randomHex(12) }

    /// Whole unix seconds of `date`.
    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

    /// Counts a request to `endpoint` (for the request hook) and returns the new count.
    mutating func countRequest(to endpoint: SandboxEndpoint) -> Int {
        endpointCounts[endpoint, default: 0] += 1
        return endpointCounts[endpoint]!
    }

    /// The ledger entry of `request`, to be completed with its outcome.
    func ledgerEntry(_ request: SandboxAPIRequest, now: Date) -> LedgerEntry {
        var barcode: String?
        if request.endpoint != .imageDelivery, let parameter = request.pathParameter {
            barcode = (try? SandboxBarcode.key(parameter)) ?? parameter
        }
        return LedgerEntry(
            time: now, requestID: request.requestID, clientID: nil, peerIP: request.peerIP, method: request.method,
            endpoint: request.endpoint.rawValue, path: request.path, barcode: barcode, status: 0, errorCode: nil,
            creditsDebited: .zero, idempotencyKey: request.idempotencyKey, replayed: false, injected: false,
            fault: nil, countedForRateLimit: false)
    }

    /// Whether `clientID` may see `product` (brand scope).
    func inScope(_ product: SandboxProduct, clientID: String) -> Bool {
        guard let scope = clients[clientID]?.account.brandScope else { return true }
        return scope.contains { $0.caseInsensitiveCompare(product.brand) == .orderedSame }
    }

    /// Throws `402 insufficient_credits` when `cost` exceeds the client's balance.
    func ensureAffordable(_ cost: Credits, clientID: String) throws(SandboxAPIError) {
        let balance = clients[clientID]?.account.credits ?? .zero
        if cost > balance { throw .insufficientCredits(cost: cost.description, balance: balance.description) }
    }

    /// The product a `{barcode}` path parameter names: `400` when malformed, `404` when unknown,
    /// `403 scope_forbidden` when outside the client's brand scope.
    func product(for parameter: String?, clientID: String) throws(SandboxAPIError) -> SandboxProduct {
        let barcode: String
        do {
            barcode = try SandboxBarcode.key(parameter ?? "")
        } catch {
            throw .badRequest("Malformed barcode: \(error.description).")
        }
        guard let product = catalog.products[barcode] else {
            throw .notFound("Barcode \(barcode) is not in the catalog.")
        }
        guard inScope(product, clientID: clientID) else {
            throw SandboxAPIError(
                403, "scope_forbidden", "Barcode \(barcode) is outside this client's brand scope.")
        }
        return product
    }

    /// Parses a JSON request body that must be an object.
    static func jsonObject(_ request: SandboxAPIRequest) throws(SandboxAPIError) -> JSONValue {
        if request.bodyTooLarge { throw .badRequest("The request body is larger than 1 MiB.") }
        guard let value = try? JSONValue(parsing: request.body), value.objectValue != nil else {
            throw .badRequest("The request body must be a JSON object.")
        }
        return value
    }
}
