/// How transient failures (5xx, timeouts, connection resets, cut bodies, malformed JSON) are retried:
/// capped exponential backoff with full jitter, inside the call's overall deadline.
///
/// The wait before retry `n` (`n` = 1 for the first retry) is
///
///     ceiling(n) = min(maximumDelay, baseDelay × 2^(n−1))
///     delay(n)   = U × ceiling(n),   U uniform in [0, 1)        ("full jitter")
///
/// and, when the server sent `Retry-After: s`, `max(delay(n), s)`. A retry happens only while
/// `n < maximumAttempts` and the wait ends before the call's deadline; otherwise the call fails
/// with the last error at once instead of sleeping past its deadline.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first one included (1 = never retry).
    public var maximumAttempts: Int
    /// The ceiling of the first retry's wait.
    public var baseDelay: Duration
    /// The largest ceiling, however many retries came before.
    public var maximumDelay: Duration

    public init(
        maximumAttempts: Int = 5, baseDelay: Duration = .milliseconds(200), maximumDelay: Duration = .seconds(5)
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
    }

    /// `min(maximumDelay, baseDelay × 2^(n−1))` for retry `n` ≥ 1.
    public func ceiling(beforeRetry retry: Int) -> Duration {
        let exponent = min(max(retry, 1) - 1, 30)
        let grown = baseDelay * (1 << exponent)
        return grown < maximumDelay ? grown : maximumDelay
    }

    /// The jittered wait before retry `n`: `unitRandom × ceiling(n)`, `unitRandom` clamped to [0, 1).
    public func delay(beforeRetry retry: Int, unitRandom: Double) -> Duration {
        let unit = min(max(unitRandom, 0), 0.999_999_999)
        return ceiling(beforeRetry: retry) * unit
    }

    /// The wait before retry `n`, or `nil` when no retry may happen: attempts used up, or the wait
    /// (raised to `retryAfter` when the server asked for one) would not end before `remaining` runs out.
    ///
    /// - Parameters:
    ///   - retry: the retry about to happen (1 after the first failed attempt).
    ///   - remaining: time left until the call's deadline.
    ///   - retryAfter: the server's `Retry-After`, if any.
    ///   - unitRandom: a uniform random number in [0, 1) (injected so tests need no I/O).
    public func wait(
        beforeRetry retry: Int, remaining: Duration, retryAfter: Duration?, unitRandom: Double
    ) -> Duration? {
        guard retry < maximumAttempts else { return nil }
        var wait = delay(beforeRetry: retry, unitRandom: unitRandom)
        if let retryAfter, retryAfter > wait { wait = retryAfter }
        guard wait < remaining else { return nil }
        return wait
    }
}
