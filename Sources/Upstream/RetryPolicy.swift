import Core

/// How transient failures (5xx, timeouts, connection resets, cut bodies, malformed JSON) are retried:
/// the ``Backoff`` of `baseDelay` capped at `maximumDelay`, inside the call's overall deadline.
///
/// Before retry `n` (`n` = 1 for the first retry) the wait is the backoff's jittered delay for
/// attempt `n`, raised to the server's `Retry-After` when it sent one. A retry happens only while
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

    /// The waits' backoff.
    public var backoff: Backoff { Backoff(base: baseDelay, cap: maximumDelay) }

    /// The wait before retry `n`, or `nil` when no retry may happen: attempts used up, or the wait
    /// (raised to `retryAfter` when the server asked for one) would not end before `remaining` runs out.
    ///
    /// - Parameters:
    ///   - retry: the retry about to happen (1 after the first failed attempt).
    ///   - remaining: time left until the call's deadline.
    ///   - retryAfter: the server's `Retry-After`, if any.
    ///   - unitRandom: a uniform random number in [0, 1] (injected so tests need no I/O).
    public func wait(
        beforeRetry retry: Int, remaining: Duration, retryAfter: Duration?, unitRandom: Double
    ) -> Duration? {
        guard retry < maximumAttempts else { return nil }
        let wait = backoff.delay(attempt: retry, unit: unitRandom, retryAfter: retryAfter)
        guard wait < remaining else { return nil }
        return wait
    }
}
