import Core
import Foundation

/// The pacing maths: what the server's `X-RateLimit-*` headers last said, what this process has in
/// flight, and from that whether one more request may go now. Pure value type; every instant is on
/// the *server's* clock (the caller converts with the `Date` header offset).
///
/// Rules:
/// - Minute window: `available = remaining − inFlight` (requests sent but not answered will count).
///   Within one window (same `X-RateLimit-Reset`) the smallest `remaining` seen wins, a later window
///   replaces an earlier one, and once `reset` has passed a fresh window of `limit` is assumed
///   (ending 60 s after the last known reset). With nothing available: wait until `reset`.
/// - Spreading: a non-scan request waits until `lastPacedSend + timeLeftInWindow ÷ available`, so a
///   sync spends the minute evenly and a scan arriving mid-minute still finds budget.
/// - Day: `remainingDay ≤ 0` → the day is spent until the next UTC midnight. A non-scan request may
///   not take the day below `reserve = ⌈scanReserve × limitDay⌉`; scans may use everything.
/// - A busy-minute 429 blocks everyone until `Retry-After` has passed.
public struct RateLimitState: Sendable, Hashable {
    public var limitMinute: Int?
    public var remainingMinute: Int?
    /// The end of the current minute window (server clock).
    public var windowResetAt: Date?
    public var limitDay: Int?
    public var remainingDay: Int?
    /// The UTC day (server clock) ``remainingDay`` was observed on.
    public var dayObserved: String?
    /// Nobody sends before this instant (a 429's `Retry-After`).
    public var blockedUntil: Date?
    /// Requests sent and not answered yet.
    public var inFlight: Int = 0
    /// The last non-scan send, for spreading.
    public var lastPacedSend: Date?

    /// Extra wait after a window's reset, against rounding.
    static let resetMargin: Duration = .milliseconds(20)
    /// How long to wait for in-flight requests when they alone decide.
    static let inFlightPoll: Duration = .milliseconds(25)

    public init() {}

    /// Takes in the headers of an answered request, observed at `serverNow`.
    public mutating func observe(_ headers: RateLimitHeaders, serverNow: Date) {
        if let limit = headers.limitMinute { limitMinute = limit }
        if let limit = headers.limitDay { limitDay = limit }
        if let remaining = headers.remainingMinute {
            if let reset = headers.reset {
                if windowResetAt == nil || reset > windowResetAt! {
                    windowResetAt = reset
                    remainingMinute = remaining
                } else if reset == windowResetAt {
                    remainingMinute = min(remainingMinute ?? remaining, remaining)
                }
            } else {
                remainingMinute = min(remainingMinute ?? remaining, remaining)
            }
        }
        if let remaining = headers.remainingDay {
            let day = Self.utcDay(serverNow)
            if dayObserved != day {
                dayObserved = day
                remainingDay = remaining
            } else {
                remainingDay = min(remainingDay ?? remaining, remaining)
            }
        }
    }

    /// Takes in a 429: blocks everyone for `retryAfter` (default: until the window's reset).
    /// Returns whether it was the *day* budget (`X-RateLimit-Remaining-Day: 0`).
    @discardableResult
    public mutating func observeRateLimited(_ headers: RateLimitHeaders, retryAfter: Duration?, serverNow: Date) -> Bool
    {
        observe(headers, serverNow: serverNow)
        if headers.remainingDay == 0 { return true }
        let until: Date
        if let retryAfter {
            until = serverNow + retryAfter
        } else if let reset = windowResetAt, reset > serverNow {
            until = reset
        } else {
            until = serverNow.addingTimeInterval(1)
        }
        if blockedUntil == nil || until > blockedUntil! { blockedUntil = until }
        return false
    }

    /// Moves the instants this process set itself (``lastPacedSend``, ``blockedUntil``) when the
    /// estimate of the server's clock jumps by `seconds` (the first `Date` header, or the server's
    /// clock being set), so they keep meaning the same moment. Jumps under 2 s are the `Date`
    /// header's rounding and are ignored.
    public mutating func shift(by seconds: TimeInterval) {
        guard abs(seconds) >= 2 else { return }
        lastPacedSend = lastPacedSend?.addingTimeInterval(seconds)
        blockedUntil = blockedUntil?.addingTimeInterval(seconds)
    }

    /// Records that a request is being sent now.
    public mutating func begin(purpose: RequestPurpose, serverNow: Date) {
        inFlight += 1
        if purpose != .scan { lastPacedSend = serverNow }
    }

    /// Records that a request sent with ``begin(purpose:serverNow:)`` ended (answered or failed).
    public mutating func end() {
        inFlight = max(0, inFlight - 1)
    }

    /// Whether one more request for `purpose` may go at `serverNow`.
    public func decide(purpose: RequestPurpose, serverNow now: Date, scanReserve: Double) -> PacingDecision {
        if let blocked = blockedUntil, now < blocked { return .wait(Self.duration(blocked.timeIntervalSince(now))) }
        if let decision = decideDay(purpose: purpose, now: now, scanReserve: scanReserve) { return decision }
        return decideMinute(purpose: purpose, now: now)
    }

    private func decideDay(purpose: RequestPurpose, now: Date, scanReserve: Double) -> PacingDecision? {
        guard let remaining = remainingDay, dayObserved == Self.utcDay(now) else { return nil }
        let midnight = Self.nextUTCMidnight(after: now)
        if remaining <= 0 { return .dayBudgetSpent(until: midnight) }
        var reserve = 0
        if purpose != .scan, let limit = limitDay {
            let share = scanReserve.isFinite ? min(max(scanReserve, 0), 1) : 0
            reserve = Int(Int64(saturating: (Double(limit) * share - 1e-9).rounded(.up)))
        }
        if remaining - 1 < reserve { return .scanReserveOnly(until: midnight) }
        if remaining - inFlight - 1 < reserve { return .wait(Self.inFlightPoll) }
        return nil
    }

    private func decideMinute(purpose: RequestPurpose, now: Date) -> PacingDecision {
        var remaining: Int
        var reset: Date?
        if let knownReset = windowResetAt, now < knownReset, let known = remainingMinute {
            remaining = known
            reset = knownReset
        } else if let knownReset = windowResetAt, let limit = limitMinute {
            let windows = max(1, (now.timeIntervalSince(knownReset) / 60).rounded(.down) + 1)
            remaining = limit
            reset = knownReset.addingTimeInterval(windows * 60)
        } else if let known = remainingMinute ?? limitMinute {
            remaining = known
        } else {
            return .go
        }
        let available = remaining - inFlight
        if available <= 0 {
            guard let reset else { return .wait(Self.inFlightPoll) }
            return .wait(Self.duration(reset.timeIntervalSince(now)) + Self.resetMargin)
        }
        if purpose != .scan, let reset, let last = lastPacedSend, last <= now {
            let interval = reset.timeIntervalSince(now) / Double(available)
            let next = last.addingTimeInterval(interval)
            if next > now { return .spread(Self.duration(next.timeIntervalSince(now))) }
        }
        return .go
    }

    /// `YYYY-MM-DD` of `date` in UTC.
    public static func utcDay(_ date: Date) -> String { Timestamp.formatDay(date) }

    /// The first UTC midnight strictly after `date`.
    public static func nextUTCMidnight(after date: Date) -> Date {
        let days = (date.timeIntervalSince1970 / 86_400).rounded(.down) + 1
        return Date(timeIntervalSince1970: days * 86_400)
    }

    static func duration(_ seconds: TimeInterval) -> Duration {
        .milliseconds(Int64(saturating: (seconds.isNaN ? 0 : max(seconds, 0) * 1000).rounded(.up)))
    }
}
