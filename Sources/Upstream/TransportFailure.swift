/// Why an HTTP exchange gave no answer. Descriptions never contain URLs.
enum TransportFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The exchange's time limit passed.
    case timedOut
    /// Connection refused, reset or closed early (a body cut short included).
    case connection(String)
    /// The caller's task was cancelled.
    case cancelled
    /// The body is larger than allowed (`bytes`: its `Content-Length`, or the limit when unknown).
    case tooLarge(bytes: Int)

    var description: String {
        switch self {
        case .timedOut: return "no answer in time"
        case .connection(let reason): return "connection failed: \(reason)"
        case .cancelled: return "cancelled"
        case .tooLarge(let bytes): return "body too large (\(bytes) bytes)"
        }
    }
}
