import Core
import Store

/// What the socket asks of the rest of the daemon. `Lookup` declares it, `Daemon` implements it with
/// the sync engine, the product fetcher, the shelf outbox and the status report, so that `Lookup`
/// imports none of them.
public protocol LookupBackend: Sendable {
    /// Fetches `barcode` from upstream now (one upstream call shared by concurrent callers), stores
    /// it, and returns by `deadline` at the latest with what is known then. Work that does not fit
    /// (image downloads) goes on in the background.
    func fetchLive(_ barcode: Barcode, deadline: ContinuousClock.Instant) async -> LiveOutcome

    /// A stale entry was served (stale-while-revalidate): revalidate it in the background, through
    /// the free listing before paying for anything; returns at once.
    func revalidateInBackground(_ barcode: Barcode)

    /// The store catalog's entry for `barcode`, from the current in-memory snapshot (no I/O).
    func catalogEntry(_ barcode: Barcode) -> CatalogEntry?

    /// `POST /v1/sync`: the request body (may be empty) → status and JSON answer.
    func startSync(body: [UInt8]) async -> ControlAnswer

    /// `GET /v1/sync/{id}` → status and JSON answer.
    func syncRun(id: String) async -> ControlAnswer

    /// `GET /v1/status` → the status document.
    func status() async -> ControlAnswer

    /// `POST /v1/shelf/products`: the request body → `202` once durable, `400` with item errors, `503`.
    func enqueueShelfChanges(body: [UInt8]) async -> ControlAnswer

    /// `GET /metrics`: Prometheus text exposition.
    func metricsText() async -> String

    /// `GET /v1/usage`: the month's (`YYYY-MM`, `nil` = this UTC month) usage per day as upstream
    /// counted it, beside the daemon's own spend ledger.
    func usage(month: String?) async -> ControlAnswer
}

/// The outcome of a live fetch.
public enum LiveOutcome: Sendable {
    /// Upstream has it; it is stored (with the images that fit the deadline).
    case found(HotProduct)
    /// Upstream does not have it (a negative entry is stored).
    case notFound
    /// Upstream has it but refuses it to this store's client (`403 scope_forbidden`, remembered like
    /// a negative entry).
    case outOfScope
    /// Upstream could not answer in time or at all; `reason` is a short code such as `timeout`,
    /// `unavailable`, `rate_limited`, `insufficient_credits`, `client_disabled`.
    case unavailable(reason: String)
}

/// A JSON answer of a control route.
public struct ControlAnswer: Sendable {
    public var status: Int
    public var body: JSONValue
    public init(status: Int, body: JSONValue) {
        self.status = status
        self.body = body
    }
}
