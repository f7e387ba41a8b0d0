/// Which requests a ``FaultRule`` applies to.
public enum FaultTarget: String, Sendable, Hashable, CaseIterable {
    /// Every Retail Digitals API request.
    case any
    case token
    case refresh
    case revoke
    case productGet
    case productHead
    case listing
    case bulkCheck
    case imageRedirect
    case imageDelivery
    case balance
    case account
    case usage
    case pricing
    case health
    /// `/balance`, `/account`, `/usage` and `/pricing`.
    case accountEndpoints

    /// Whether a request to `endpoint` is targeted.
    public func matches(_ endpoint: SandboxEndpoint) -> Bool {
        switch self {
        case .any: return true
        case .token: return endpoint == .token
        case .refresh: return endpoint == .refresh
        case .revoke: return endpoint == .revoke
        case .productGet: return endpoint == .productGet
        case .productHead: return endpoint == .productHead
        case .listing: return endpoint == .listing
        case .bulkCheck: return endpoint == .bulkCheck
        case .imageRedirect: return endpoint == .imageRedirect
        case .imageDelivery: return endpoint == .imageDelivery
        case .balance: return endpoint == .balance
        case .account: return endpoint == .account
        case .usage: return endpoint == .usage
        case .pricing: return endpoint == .pricing
        case .health: return endpoint == .health
        case .accountEndpoints: return [.balance, .account, .usage, .pricing].contains(endpoint)
        }
    }
}
