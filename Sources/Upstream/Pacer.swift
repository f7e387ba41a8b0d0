import Core
import Foundation
import Synchronization

/// Paces authenticated requests with ``RateLimitState`` on the server's clock: waits (up to the
/// call's deadline) when the minute is busy, and fails fast when the day is spent or only the scan
/// reserve is left.
final class Pacer: Sendable {
    private let state: Mutex<RateLimitState>
    private let clock: ServerClock
    private let reserve: Mutex<Double>

    init(clock: ServerClock, scanReserve: Double) {
        self.state = Mutex(RateLimitState())
        self.clock = clock
        self.reserve = Mutex(scanReserve)
    }

    /// The share of the day's requests kept for scans (changeable at runtime: a reloaded config).
    var scanReserve: Double {
        get { reserve.withLock { $0 } }
        set { reserve.withLock { $0 = newValue } }
    }

    /// Waits until a request for `purpose` may go, then counts it in flight. Pair with ``end()``.
    func begin(purpose: RequestPurpose, deadline: ContinuousClock.Instant) async throws(UpstreamError) {
        while true {
            let now = clock.serverNow()
            let scanReserve = self.scanReserve
            let decision = state.withLock { state in
                let decision = state.decide(purpose: purpose, serverNow: now, scanReserve: scanReserve)
                if decision == .go { state.begin(purpose: purpose, serverNow: now) }
                return decision
            }
            switch decision {
            case .go:
                return
            case .dayBudgetSpent(let until):
                throw .dayBudgetSpent(resumeAt: clock.local(until))
            case .scanReserveOnly(let until):
                throw .scanReserveOnly(resumeAt: clock.local(until))
            case .wait(let wait):
                guard ContinuousClock.now + wait < deadline else {
                    throw .rateLimited(resumeAt: clock.wall.now() + wait)
                }
                try await clock.wall.pause(wait, within: deadline)
            case .spread(let wait):
                if ContinuousClock.now + wait < deadline {
                    try await clock.wall.pause(wait, within: deadline)
                } else {
                    state.withLock { $0.begin(purpose: purpose, serverNow: clock.serverNow()) }
                    return
                }
            }
        }
    }

    /// Ends a request counted by ``begin(purpose:deadline:)``.
    func end() { state.withLock { $0.end() } }

    /// Keeps this process's own instants meaning the same moment when the server-clock estimate jumps.
    func clockMoved(by seconds: TimeInterval) {
        state.withLock { $0.shift(by: seconds) }
    }

    /// Takes in the rate-limit headers of a response.
    func observe(_ headers: RateLimitHeaders) {
        guard !headers.isEmpty else { return }
        let now = clock.serverNow()
        state.withLock { $0.observe(headers, serverNow: now) }
    }

    /// Takes in a 429; returns whether the day's budget is spent.
    func observeRateLimited(_ headers: RateLimitHeaders, retryAfter: Duration?) -> Bool {
        let now = clock.serverNow()
        return state.withLock { $0.observeRateLimited(headers, retryAfter: retryAfter, serverNow: now) }
    }

    /// The next UTC midnight of the server, on this machine's clock.
    func nextMidnightLocal() -> Date {
        clock.local(RateLimitState.nextUTCMidnight(after: clock.serverNow()))
    }

    /// The current state (for status).
    var current: RateLimitState { state.withLock { $0 } }
}
