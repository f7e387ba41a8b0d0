import Upstream

/// Why a fetch stored nothing (or not everything).
public enum FetchFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Upstream did not give an answer (or refused an image).
    case upstream(UpstreamError)
    /// The state directory refused the write (never holds a secret).
    case storage(String)
    /// The state directory is short of space (`storage.min_free`, `ENOSPC`, `SQLITE_FULL`): nothing
    /// more is bought until space returns.
    case diskFull(String)

    /// The upstream error, if that is what it was.
    public var upstreamError: UpstreamError? {
        if case .upstream(let error) = self { return error }
        return nil
    }

    public var description: String {
        switch self {
        case .upstream(let error): return error.description
        case .storage(let reason): return "storing the product failed: \(reason)"
        case .diskFull(let reason): return "disk full: \(reason)"
        }
    }
}
