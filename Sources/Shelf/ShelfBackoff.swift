/// How long to wait before retrying a failed Retagly call (pure): capped exponential backoff with
/// full jitter, never shorter than the server's `Retry-After` (itself capped).
///
/// The ceiling after `failures` consecutive failures is `min(cap, base × 2^(failures − 1))`; the
/// wait is drawn uniformly from `[0, ceiling]` ("full jitter", so many stores recovering from the
/// same outage do not retry in step), then raised to `Retry-After` when the server sent one.
struct ShelfBackoff: Sendable, Hashable {
    var base: Duration
    var cap: Duration
    /// The longest `Retry-After` honoured.
    var maximumRetryAfter: Duration

    /// The ceiling of the draw after `failures` (≥ 1) consecutive failures.
    func ceiling(failures: Int) -> Duration {
        let exponent = min(max(failures, 1) - 1, 40)
        let scaled = Double(milliseconds(base)) * Double(1 << exponent)
        return min(cap, .milliseconds(Int64(min(scaled, 1e15))))
    }

    /// The wait after `failures` consecutive failures; `unit` is a uniform draw from `[0, 1]`.
    func delay(failures: Int, retryAfter: Duration?, unit: Double) -> Duration {
        let ceiling = ceiling(failures: failures)
        let fraction = min(1, max(0, unit))
        let jittered = Duration.milliseconds(Int64((Double(milliseconds(ceiling)) * fraction).rounded(.down)))
        guard let retryAfter else { return jittered }
        return max(jittered, min(retryAfter, maximumRetryAfter))
    }

    /// The wait with a random draw.
    func delay(failures: Int, retryAfter: Duration?) -> Duration {
        delay(failures: failures, retryAfter: retryAfter, unit: Double.random(in: 0...1))
    }

    private func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
