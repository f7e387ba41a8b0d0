/// Why an HTTP exchange gave no answer. Descriptions never contain URLs.
enum TransportFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The exchange's time limit passed before the request went out (connecting, waiting for a
    /// pooled connection).
    case timedOut
    /// The request went out (or may have) and its answer did not arrive whole: no answer in time, a
    /// reset, a body cut short. The server may have processed (and charged) it. `timedOut`: it was
    /// the time limit that ended it.
    case lost(String, timedOut: Bool)
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
        case .lost(let reason, _): return "answer lost: \(reason)"
        case .cancelled: return "cancelled"
        case .tooLarge(let bytes): return "body too large (\(bytes) bytes)"
        }
    }
}
