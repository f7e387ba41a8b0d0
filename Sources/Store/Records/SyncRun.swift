import Core

/// One sync run, as `GET /v1/sync/{id}` shows it and as a resume after a crash finds it.
public struct SyncRun: Sendable, Hashable, Identifiable {
    /// Never reused, even after old runs are purged.
    public var id: Int64
    public var mode: SyncMode
    public var state: SyncRunState
    /// Why it failed or paused (for a person; never holds a secret).
    public var reason: String?
    /// Items queued for this run.
    public var total: Int
    /// Items fetched and stored.
    public var done: Int
    /// Items that failed (retryable or permanent).
    public var failedItems: Int
    /// Credits this run spent.
    public var creditsSpent: Credits
    public var createdAt: UnixMillis
    public var startedAt: UnixMillis?
    public var finishedAt: UnixMillis?
    /// The watermark this run will record if it succeeds (upstream's clock at its start).
    public var watermarkCandidate: String?
    /// The barcodes asked for (mode `barcodes`), else empty.
    public var requestedBarcodes: [Barcode]

    public init(
        id: Int64, mode: SyncMode, state: SyncRunState, reason: String? = nil, total: Int = 0, done: Int = 0,
        failedItems: Int = 0, creditsSpent: Credits = .zero, createdAt: UnixMillis, startedAt: UnixMillis? = nil,
        finishedAt: UnixMillis? = nil, watermarkCandidate: String? = nil, requestedBarcodes: [Barcode] = []
    ) {
        self.id = id
        self.mode = mode
        self.state = state
        self.reason = reason
        self.total = total
        self.done = done
        self.failedItems = failedItems
        self.creditsSpent = creditsSpent
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.watermarkCandidate = watermarkCandidate
        self.requestedBarcodes = requestedBarcodes
    }
}
