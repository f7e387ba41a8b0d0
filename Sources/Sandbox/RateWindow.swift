/// A fixed-window request counter aligned to multiples of its length since the unix epoch
/// (minute windows start at :00, day windows at 00:00 UTC).
struct RateWindow: Sendable, Hashable {
    /// The window length in seconds (60 or 86,400).
    let length: Int64
    /// The start of the current window (unix seconds).
    private(set) var start: Int64 = .min
    /// Requests counted in the current window.
    private(set) var count = 0

    init(length: Int64) { self.length = length }

    /// Moves to the window containing `now`, resetting the count when it is a new one.
    mutating func roll(to now: Int64) {
        let quotient = now >= 0 ? now / length : (now - length + 1) / length
        let current = quotient * length
        if current != start {
            start = current
            count = 0
        }
    }

    /// Counts one request.
    mutating func record() { count += 1 }

    /// What is left of `limit` in the current window.
    func remaining(limit: Int) -> Int { max(0, limit - count) }

    /// When the current window ends (unix seconds): `X-RateLimit-Reset`.
    var resetAt: Int64 { start + length }

    /// Whole seconds from `now` until the window ends, at least 1: `Retry-After`.
    func retryAfter(now: Double) -> Int { max(1, Int((Double(resetAt) - now).rounded(.up))) }
}
