import Core

/// How one product fetch ended.
public enum FetchOutcome: Sendable, Equatable {
    /// Metadata and every image upstream returned are stored. `credits`: what it cost.
    case stored(updatedAt: String, credits: Credits)
    /// The metadata is stored but an image could not be (it is fetched again later).
    case partial(updatedAt: String, credits: Credits, failure: FetchFailure)
    /// Upstream does not have the barcode: a negative entry is stored, a cached record removed.
    case notFound
    /// Nothing was stored.
    case failed(FetchFailure, credits: Credits)

    /// What the fetch cost.
    public var credits: Credits {
        switch self {
        case .stored(_, let credits), .partial(_, let credits, _), .failed(_, let credits): return credits
        case .notFound: return .zero
        }
    }

    /// A short label for metrics and logs.
    public var label: String {
        switch self {
        case .stored: return "stored"
        case .partial: return "partial"
        case .notFound: return "not_found"
        case .failed: return "failed"
        }
    }
}
