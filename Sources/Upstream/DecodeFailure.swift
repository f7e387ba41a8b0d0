/// Why a successful answer's body could not be used.
enum DecodeFailure: Error, Sendable, Hashable {
    /// Not JSON (cut or garbled): retried like a transient failure.
    case malformed(String)
    /// JSON, but not the contract's shape: not retried.
    case contract(String)
}

extension DecodeFailure {
    /// The message, whichever the case.
    var reason: String {
        switch self {
        case .malformed(let reason), .contract(let reason): return reason
        }
    }
}
