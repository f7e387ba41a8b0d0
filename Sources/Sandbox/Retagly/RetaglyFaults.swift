import Foundation

/// Faults the Retagly sandbox injects, deterministic under its seed (the n-th request draws the
/// same numbers on every run).
///
/// Faults that replace the answer (down, 5xx, 429 storm, closed connection) happen in front of the
/// API: nothing is saved, nothing counts against the rate limit, and the ledger marks the request
/// `injected`. A delay holds back the answer of a normally processed request. Session faults
/// (failure, unconfirmed displays) are drawn when a session is completed.
public struct RetaglyFaults: Sendable, Hashable {
    /// Every call answers 503 `service_unavailable` while set.
    public var down = false
    /// Every call answers 503 until this sandbox time ("down for a stretch"), with `Retry-After`.
    public var downUntil: Date?
    /// Probability (0–1) that a call answers 500 or 503 instead of being processed.
    public var serverErrorRate = 0.0
    /// Probability (0–1) that a call starts a storm of 429 `rate_limited` answers.
    public var rateLimitStormRate = 0.0
    /// How many consecutive calls a storm answers with 429 (the first included).
    public var stormLength = 5
    /// The `Retry-After` seconds of a storm's answers.
    public var stormRetryAfter = 1
    /// Probability (0–1) that a call's answer is held back by ``delay`` (real time).
    public var delayRate = 0.0
    /// How long a delayed answer is held back.
    public var delay: Duration = .seconds(2)
    /// Probability (0–1) that the connection is closed instead of answering.
    public var connectionCloseRate = 0.0
    /// Probability (0–1) that a completed batch session fails halfway through display sync.
    public var sessionFailureRate = 0.0
    /// Probability (0–1) that a bound display never confirms its refresh (the session then
    /// completes at the end of the 6-minute verification window with fewer tags confirmed).
    public var unconfirmedDisplayRate = 0.0
    /// The calls the request faults apply to; `nil` for all of them.
    public var endpoints: Set<RetaglyEndpoint>?

    /// No faults at all.
    public static let none = RetaglyFaults()

    public init() {}

    /// Whether the service is down at `now`.
    public func isDown(at now: Date) -> Bool {
        if down { return true }
        if let downUntil, now < downUntil { return true }
        return false
    }

    /// Whether request faults apply to `endpoint`.
    public func applies(to endpoint: RetaglyEndpoint) -> Bool {
        endpoints.map { $0.contains(endpoint) } ?? true
    }
}
