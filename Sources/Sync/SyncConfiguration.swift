/// How the sync runs (config `sync.*`, `storage.negative_ttl`, the client id). The values of
/// configuration keys have no default here: the Daemon's configuration holds them.
public struct SyncConfiguration: Sendable, Hashable {
    /// The store's Retail Digitals client id (part of each bulk-check's Idempotency-Key).
    public var clientID: String
    /// How far before the server's clock at sync start the next delta starts (`sync.overlap`).
    public var overlap: Duration
    /// Product fetches in flight at once (`sync.concurrency`).
    public var concurrency: Int
    /// Whether uncached catalog barcodes are bulk-checked before fetching (`sync.bulk_check`).
    public var bulkCheck: Bool
    /// How long a negative entry keeps a barcode from being checked again (`storage.negative_ttl`).
    public var negativeTTL: Duration
    /// Attempts per item before a run gives up on it and fails.
    public var maxAttempts: Int
    /// Listing page size (the contract's maximum, 500).
    public var pageSize: Int
    /// Wait before retrying a run's failed items (`sync.retry_pass_delay`).
    public var retryPassDelay: Duration
    /// How often a run paused by `402 insufficient_credits` looks at the balance again.
    public var balanceRecheck: Duration
    /// How long finished runs (and their queues) are kept for status and support.
    public var runRetention: Duration
    /// A product scanned this recently is kept current by the nightly run even when the catalog
    /// does not list it (`sync.keep_scanned`).
    public var keepScanned: Duration
    /// How often at most a stale hit starts a revalidation (a delta: its listing is free).
    public var revalidateInterval: Duration
    /// How long a run paused for `disk_full` waits before looking at the free space again.
    public var diskFullRecheck: Duration

    public init(
        clientID: String, overlap: Duration, concurrency: Int, bulkCheck: Bool, negativeTTL: Duration,
        maxAttempts: Int = 3, pageSize: Int = 500, retryPassDelay: Duration, balanceRecheck: Duration = .seconds(3600),
        runRetention: Duration = .seconds(30 * 86_400), keepScanned: Duration,
        revalidateInterval: Duration = .seconds(900), diskFullRecheck: Duration = .seconds(300)
    ) {
        self.clientID = clientID
        self.overlap = overlap
        self.concurrency = max(1, concurrency)
        self.bulkCheck = bulkCheck
        self.negativeTTL = negativeTTL
        self.maxAttempts = max(1, maxAttempts)
        self.pageSize = min(max(pageSize, 1), 500)
        self.retryPassDelay = retryPassDelay
        self.balanceRecheck = balanceRecheck
        self.runRetention = runRetention
        self.keepScanned = keepScanned
        self.revalidateInterval = revalidateInterval
        self.diskFullRecheck = diskFullRecheck
    }
}
