/// `upstream.proxy` as configured, for both APIs (Retail Digitals and Retagly).
public enum ProxySetting: Sendable, Hashable {
    /// Not set: the environment decides (`HTTPS_PROXY` for https URLs, `HTTP_PROXY` for http ones,
    /// lower case accepted), never for a loopback host.
    case environment
    /// `none`: always direct, whatever the environment says.
    case none
    /// Every host `no_proxy` does not list goes through this proxy, loopback hosts included.
    case url(ProxyURL)
}

/// The proxy variables of the daemon's environment, read when the configuration is loaded.
public struct EnvironmentProxies: Sendable, Hashable {
    /// `HTTPS_PROXY` (or `https_proxy`), for https URLs.
    public var https: ProxyURL?
    /// The variable ``https`` came from.
    public var httpsVariable: String?
    /// `HTTP_PROXY` (or `http_proxy`), for http URLs.
    public var http: ProxyURL?
    /// The variable ``http`` came from.
    public var httpVariable: String?
    /// `NO_PROXY` (or `no_proxy`).
    public var noProxy = NoProxyList()
    /// The variable ``noProxy`` came from.
    public var noProxyVariable: String?

    public init() {}

    /// The variable names read, first found wins (as Go's `ProxyFromEnvironment`).
    static let httpsNames = ["HTTPS_PROXY", "https_proxy"]
    static let httpNames = ["HTTP_PROXY", "http_proxy"]
    static let noProxyNames = ["NO_PROXY", "no_proxy"]
}
