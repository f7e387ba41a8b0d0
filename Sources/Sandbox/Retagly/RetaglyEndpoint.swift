/// The calls of the Retagly API, as the ledger and the fault filter name them.
public enum RetaglyEndpoint: String, Sendable, Hashable, CaseIterable {
    case add
    case productUpdate
    case batchStart
    case batchPush
    case batchComplete
    case batchStatus

    /// The route under the API root (`/add`, `/batch/{sessionId}/status`, …).
    public var route: String {
        switch self {
        case .add: return "/add"
        case .productUpdate: return "/productUpdate"
        case .batchStart: return "/batch/start"
        case .batchPush: return "/batch/push"
        case .batchComplete: return "/batch/complete"
        case .batchStatus: return "/batch/{sessionId}/status"
        }
    }

    /// Whether the call writes products (directly or into a session).
    public var carriesProducts: Bool {
        self == .add || self == .productUpdate || self == .batchPush
    }
}
