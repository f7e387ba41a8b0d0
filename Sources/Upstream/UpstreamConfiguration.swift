import Core

/// Everything the Retail Digitals client needs to know. The values of configuration keys
/// (`upstream.*`) have no default here: the Daemon's configuration holds them.
public struct UpstreamConfiguration: Sendable {
    /// The API root, e.g. `https://images.retaildigitals.com/api/v1` (no trailing slash needed).
    public var baseURL: String
    /// The store's client id and api key.
    public var credentials: UpstreamCredentials
    /// Metadata scopes a product fetch asks for (`include=`), unless a call says otherwise.
    public var include: [IncludeScope]
    /// Image variants a product fetch asks for (`variants=`), unless a call says otherwise.
    public var variants: [ImageVariant]
    /// Credits the daemon may spend per UTC day (server clock); `nil` = no cap.
    public var dailyCreditLimit: Credits?
    /// Share of the day's request budget (0–1) only scan-time lookups may use.
    public var scanReserve: Double
    /// Time limit of one HTTP exchange.
    public var requestTimeout: Duration
    /// Overall limit of one client call, retries and waits included (a call may ask for less).
    public var callDeadline: Duration
    /// Largest image accepted; larger ones are refused by `Content-Length` before reading.
    public var maxImageBytes: Int
    /// How long before the access token's expiry it is refreshed.
    public var refreshAhead: Duration
    /// Backoff of transient failures.
    public var retry: RetryPolicy
    /// Largest JSON body accepted from the API.
    public var maxJSONBytes: Int
    /// The balance below which the client warns (once per crossing) and status says credits are
    /// low; `nil` = off.
    public var lowCreditWarning: Credits?
    /// The HTTP proxy the client's `HTTPClient` goes through, as shown in errors and status
    /// (`http://host:port`, never credentials); `nil` = direct.
    public var proxy: String?

    public init(
        baseURL: String,
        credentials: UpstreamCredentials,
        include: [IncludeScope],
        variants: [ImageVariant],
        dailyCreditLimit: Credits?,
        scanReserve: Double,
        requestTimeout: Duration,
        callDeadline: Duration = .seconds(60),
        maxImageBytes: Int,
        refreshAhead: Duration = .seconds(300),
        retry: RetryPolicy = RetryPolicy(),
        maxJSONBytes: Int = 8 * 1024 * 1024,
        lowCreditWarning: Credits?,
        proxy: String? = nil
    ) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.credentials = credentials
        self.include = include
        self.variants = variants
        self.dailyCreditLimit = dailyCreditLimit
        self.scanReserve = min(max(scanReserve, 0), 1)
        self.requestTimeout = requestTimeout
        self.callDeadline = callDeadline
        self.maxImageBytes = maxImageBytes
        self.refreshAhead = refreshAhead
        self.retry = retry
        self.maxJSONBytes = maxJSONBytes
        self.lowCreditWarning = lowCreditWarning
        self.proxy = proxy
    }
}
