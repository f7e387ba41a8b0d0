import Core

/// `upstream.*`: the Retail Digitals API, the store's credentials, what a fetch asks for, budgets.
/// Each key is described in ``DaemonConfiguration/settings``; the values here are the defaults.
public struct UpstreamSettings: Sendable, Hashable {
    public var baseURL = "https://images.retaildigitals.com/api/v1"
    /// The store's client id (safe to log); `nil` when none is configured (upstream disabled).
    public var clientID: String?
    public var clientIDSource: CredentialSource?
    public var apiKey: Secret?
    public var apiKeySource: CredentialSource?
    /// The `*_file` keys as written (resolved into ``clientID`` and ``apiKey``).
    public var clientIDFile: String?
    public var apiKeyFile: String?
    public var include: [IncludeScope] = [.productMeta, .images]
    public var variants: [ImageVariant] = [.front]
    /// Zero means no limit.
    public var dailyCreditLimit = Credits.zero
    public var scanReserve = 0.2
    public var requestTimeout: Duration = .seconds(10)
    public var maxImageBytes = 10 << 20
    /// `upstream.proxy` as configured (for both APIs); see ``DaemonConfiguration/proxy(for:)``.
    public var proxy = ProxySetting.environment
    /// `upstream.no_proxy` as configured; `nil`: `NO_PROXY` from the environment.
    public var noProxy: NoProxyList?
    /// The environment's proxy variables, read by the loader (used while ``proxy`` is `.environment`).
    public var environmentProxies = EnvironmentProxies()
    /// Below this balance the daemon warns (log, status, metric, alert); zero disables. Reloadable.
    public var lowCreditWarning = Credits(500)

    /// Whether both credentials are present, so the daemon may call the API.
    public var hasCredentials: Bool { clientID != nil && apiKey != nil }
}
