/// Capped exponential backoff with full jitter, a pure function of the attempt and the
/// configuration (as AsyncHTTPClient computes its connection backoff): tests call it without I/O.
///
///     ceiling(n) = min(cap, base × 2^(n−1))     n ≥ 1: the n-th consecutive failure
///     delay(n)   = U × ceiling(n),   U uniform in [0, 1]    ("full jitter")
///
/// Full jitter keeps many stores recovering from the same outage from retrying in step. A server's
/// `Retry-After` is a floor on the delay, itself capped at ``longestRetryAfter`` when one is set.
public struct Backoff: Sendable, Hashable {
    /// The ceiling after the first failure.
    public var base: Duration
    /// The largest ceiling, however many failures came before.
    public var cap: Duration
    /// The longest `Retry-After` honoured (`nil`: any, as the caller already bounded it).
    public var longestRetryAfter: Duration?

    public init(base: Duration, cap: Duration, longestRetryAfter: Duration? = nil) {
        self.base = base
        self.cap = cap
        self.longestRetryAfter = longestRetryAfter
    }

    /// `min(cap, base × 2^(attempt−1))`; an attempt below 1 counts as 1.
    public func ceiling(attempt: Int) -> Duration {
        var ceiling = base
        var doublings = min(max(attempt, 1) - 1, 62)
        while doublings > 0, ceiling < cap {
            ceiling = ceiling * 2
            doublings -= 1
        }
        return min(ceiling, cap)
    }

    /// The wait after `attempt` consecutive failures for a uniform draw `unit` (clamped to [0, 1]),
    /// raised to `retryAfter` (capped) when the server sent one.
    public func delay(attempt: Int, unit: Double, retryAfter: Duration? = nil) -> Duration {
        let fraction = unit.isNaN ? 0 : min(1, max(0, unit))
        let jittered = ceiling(attempt: attempt) * fraction
        guard let retryAfter else { return jittered }
        return max(jittered, longestRetryAfter.map { min(retryAfter, $0) } ?? retryAfter)
    }

    /// ``delay(attempt:unit:retryAfter:)`` with a random draw.
    public func delay(attempt: Int, retryAfter: Duration? = nil) -> Duration {
        delay(attempt: attempt, unit: Double.random(in: 0...1), retryAfter: retryAfter)
    }
}
