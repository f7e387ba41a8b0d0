import Core

/// `upstream.*`: the Retail Digitals API, the store's credentials, what a fetch asks for, budgets.
public struct UpstreamSettings: Sendable, Hashable {
    /// The API root, without a trailing `/`.
    public var baseURL = "https://images.retaildigitals.com/api/v1"
    /// The store's client id (safe to log); `nil` when none is configured (upstream disabled).
    public var clientID: String?
    /// Where ``clientID`` came from.
    public var clientIDSource: CredentialSource?
    /// The api key; prints as `[redacted]`.
    public var apiKey: Secret?
    /// Where ``apiKey`` came from.
    public var apiKeySource: CredentialSource?
    /// The `client_id_file` key as written (resolved into ``clientID``).
    public var clientIDFile: String?
    /// The `api_key_file` key as written (resolved into ``apiKey``).
    public var apiKeyFile: String?
    /// Scopes a fetch asks for (`include=`).
    public var include: [IncludeScope] = [.productMeta, .images]
    /// Image variants a fetch asks for (`variants=`).
    public var variants: [ImageVariant] = [.front]
    /// Credits the daemon may spend per UTC day; zero means no limit. Reloadable.
    public var dailyCreditLimit = Credits.zero
    /// Share of the day's request budget kept for scan-time misses (0…0.9). Reloadable.
    public var scanReserve = 0.2
    /// Deadline of one upstream request (sync, downloads); scan-time misses use `lookup.live_timeout`.
    public var requestTimeout: Duration = .seconds(10)
    /// Largest image download accepted, in bytes.
    public var maxImageBytes = 10 << 20
    /// `upstream.proxy` as configured (for both APIs); see ``DaemonConfiguration/proxy(for:)``.
    public var proxy = ProxySetting.environment
    /// `upstream.no_proxy` as configured; `nil`: `NO_PROXY` from the environment.
    public var noProxy: NoProxyList?
    /// The environment's proxy variables, read by the loader (used while ``proxy`` is `.environment`).
    public var environmentProxies = EnvironmentProxies()
    /// Below this balance the daemon warns (log, status, metric, alert); zero disables. Reloadable.
    public var lowCreditWarning = Credits(500)

    public init() {}

    /// Whether both credentials are present, so the daemon may call the API.
    public var hasCredentials: Bool { clientID != nil && apiKey != nil }
}
