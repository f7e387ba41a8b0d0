/// The Retagly calls, as logs and metrics name them.
enum RetaglyCallName: String, Sendable, Hashable {
    case add
    case productUpdate
    case batchStart = "batch_start"
    case batchPush = "batch_push"
    case batchComplete = "batch_complete"
    case batchStatus = "batch_status"

    /// The path under the API root for `/add` and `/productUpdate`.
    var path: String {
        switch self {
        case .add: return "/add"
        case .productUpdate: return "/productUpdate"
        case .batchStart: return "/batch/start"
        case .batchPush: return "/batch/push"
        case .batchComplete: return "/batch/complete"
        case .batchStatus: return "/batch/status"
        }
    }
}
