import Core

/// What the socket server needs to know: where to listen, its limits, and the freshness rules. The
/// values of configuration keys have no default here: the Daemon's configuration holds them.
public struct LookupConfiguration: Sendable {
    /// A loopback TCP address (`listen.tcp`), refused at start when it is not loopback.
    public struct TCPAddress: Sendable, Hashable, CustomStringConvertible {
        public var host: String
        public var port: Int
        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }
        public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
    }

    /// The Unix socket path (`listen.socket`).
    public var socketPath: String
    /// The socket file's mode (`listen.socket_mode`).
    public var socketMode: UInt16
    /// Optional loopback TCP listener (`listen.tcp`).
    public var tcp: TCPAddress?
    /// Connections open at once; more are answered `503` and closed (`listen.max_connections`).
    public var maxConnections: Int
    /// An idle keep-alive connection is closed after this long (`listen.idle_timeout`).
    public var idleTimeout: Duration
    /// A request must arrive whole and be answered within this long of its first byte (slow clients).
    public var requestTimeout: Duration = .seconds(10)
    /// The largest request body accepted (shelf changes); larger gets `413`.
    public var maxBodyBytes = 4 << 20
    /// The request-body bytes all connections together may buffer at once;
    /// a body that does not fit is answered `503 busy` and its connection closed.
    public var bodyBudgetBytes = 32 << 20
    /// The longest request target accepted; longer gets `414`.
    public var maxURIBytes = 2048
    /// The deadline of a live fetch on a miss (`lookup.live_timeout`).
    public var liveTimeout: Duration
    /// Cached metadata older than this is stale (`storage.metadata_ttl`).
    public var metadataTTL: Duration
    /// A stale entry older than this is refetched before answering (`lookup.max_staleness`).
    public var maxStaleness: Duration
    /// A negative entry (upstream does not know the barcode) lasts this long (`storage.negative_ttl`).
    public var negativeTTL: Duration
    /// Image bytes kept in memory for serving, in bytes (`lookup.image_cache_bytes`).
    public var imageCacheBytes: Int
    /// Encoded fresh answers each event loop keeps for repeated scans (0: none), about 1–2 KB each;
    /// when full, a loop starts over.
    public var answerCacheEntries = 2048
    /// Misses, refreshes and control requests handled at once; more get `503`.
    public var maxConcurrentSlowRequests = 256

    public init(
        socketPath: String, socketMode: UInt16, tcp: TCPAddress?, maxConnections: Int, idleTimeout: Duration,
        liveTimeout: Duration, metadataTTL: Duration, maxStaleness: Duration, negativeTTL: Duration,
        imageCacheBytes: Int
    ) {
        self.socketPath = socketPath
        self.socketMode = socketMode
        self.tcp = tcp
        self.maxConnections = maxConnections
        self.idleTimeout = idleTimeout
        self.liveTimeout = liveTimeout
        self.metadataTTL = metadataTTL
        self.maxStaleness = maxStaleness
        self.negativeTTL = negativeTTL
        self.imageCacheBytes = imageCacheBytes
    }
}
