import Foundation
import Testing
import Upstream

@Suite("Pacing maths on the server's clock")
struct RateLimitStateTests {
    /// 2026-07-02T16:30:00Z, a window start.
    let t0 = Date(timeIntervalSince1970: 1_783_009_800)

    func headers(minute: Int, day: Int, reset: Date, limitMinute: Int = 60, limitDay: Int = 10_000) -> RateLimitHeaders
    {
        RateLimitHeaders(
            limitMinute: limitMinute, limitDay: limitDay, remainingMinute: minute, remainingDay: day, reset: reset)
    }

    @Test("With nothing known a request goes")
    func unknownGoes() {
        #expect(RateLimitState().decide(purpose: .sync, serverNow: t0, scanReserve: 0.2) == .go)
    }

    @Test("In-flight requests count against what the minute has left")
    func inFlightCounts() {
        var state = RateLimitState()
        state.observe(headers(minute: 2, day: 500, reset: t0 + 60), serverNow: t0)
        state.begin(purpose: .scan, serverNow: t0)
        #expect(state.decide(purpose: .scan, serverNow: t0, scanReserve: 0.2) == .go)
        state.begin(purpose: .scan, serverNow: t0)
        #expect(state.decide(purpose: .scan, serverNow: t0 + 10, scanReserve: 0.2) == .wait(.milliseconds(50_020)))
        state.end()
        #expect(state.decide(purpose: .scan, serverNow: t0 + 10, scanReserve: 0.2) == .go)
    }

    @Test("A spent minute waits until the window's reset, then a fresh window is assumed")
    func spentMinuteWaitsForReset() {
        var state = RateLimitState()
        state.observe(headers(minute: 0, day: 500, reset: t0 + 60), serverNow: t0 + 45)
        #expect(state.decide(purpose: .scan, serverNow: t0 + 45, scanReserve: 0) == .wait(.milliseconds(15_020)))
        #expect(state.decide(purpose: .scan, serverNow: t0 + 60, scanReserve: 0) == .go)
    }

    @Test("The smallest remaining of one window wins and an older window's answer is ignored")
    func windowOrdering() {
        var state = RateLimitState()
        state.observe(headers(minute: 10, day: 500, reset: t0 + 120), serverNow: t0 + 61)
        state.observe(headers(minute: 12, day: 502, reset: t0 + 120), serverNow: t0 + 61)
        #expect(state.remainingMinute == 10)
        state.observe(headers(minute: 1, day: 503, reset: t0 + 60), serverNow: t0 + 61)
        #expect(state.remainingMinute == 10)
        #expect(state.windowResetAt == t0 + 120)
        #expect(state.remainingDay == 500)
    }

    @Test("A sync spreads the minute's budget evenly; a scan is not spread")
    func syncIsSpread() {
        var state = RateLimitState()
        state.observe(headers(minute: 30, day: 5000, reset: t0 + 60), serverNow: t0)
        state.begin(purpose: .sync, serverNow: t0)
        state.end()
        // 60 s left for 30 requests: one every 2 s.
        #expect(state.decide(purpose: .sync, serverNow: t0, scanReserve: 0.2) == .spread(.seconds(2)))
        #expect(state.decide(purpose: .sync, serverNow: t0 + 2, scanReserve: 0.2) == .go)
        #expect(state.decide(purpose: .scan, serverNow: t0, scanReserve: 0.2) == .go)
    }

    @Test("Only scans may use the day's scan reserve")
    func scanReserve() {
        var state = RateLimitState()
        // 100 a day, reserve 20: a sync may take the day down to 20 left, not below.
        state.observe(headers(minute: 50, day: 21, reset: t0 + 60, limitDay: 100), serverNow: t0)
        #expect(state.decide(purpose: .sync, serverNow: t0, scanReserve: 0.2) == .go)
        state.observe(headers(minute: 49, day: 20, reset: t0 + 60, limitDay: 100), serverNow: t0)
        let midnight = RateLimitState.nextUTCMidnight(after: t0)
        #expect(state.decide(purpose: .sync, serverNow: t0, scanReserve: 0.2) == .scanReserveOnly(until: midnight))
        #expect(state.decide(purpose: .control, serverNow: t0, scanReserve: 0.2) == .scanReserveOnly(until: midnight))
        #expect(state.decide(purpose: .scan, serverNow: t0, scanReserve: 0.2) == .go)
    }

    @Test("A spent day parks everyone until the next UTC midnight, and the new day starts fresh")
    func spentDayParks() {
        var state = RateLimitState()
        state.observe(headers(minute: 40, day: 0, reset: t0 + 60), serverNow: t0)
        let midnight = Date(timeIntervalSince1970: 1_783_036_800)  // 2026-07-03T00:00:00Z
        #expect(RateLimitState.nextUTCMidnight(after: t0) == midnight)
        #expect(state.decide(purpose: .scan, serverNow: t0, scanReserve: 0.2) == .dayBudgetSpent(until: midnight))
        #expect(state.decide(purpose: .sync, serverNow: midnight, scanReserve: 0.2) == .go)
    }

    @Test("A 429 with the day at zero is the day budget; otherwise Retry-After blocks everyone")
    func rateLimitedKinds() {
        var state = RateLimitState()
        let spentDay = state.observeRateLimited(
            headers(minute: 0, day: 0, reset: t0 + 60), retryAfter: .seconds(30), serverNow: t0)
        #expect(spentDay)
        var busy = RateLimitState()
        let dayBudget = busy.observeRateLimited(
            headers(minute: 0, day: 900, reset: t0 + 60), retryAfter: .seconds(5), serverNow: t0)
        #expect(!dayBudget)
        #expect(busy.decide(purpose: .scan, serverNow: t0 + 1, scanReserve: 0) == .wait(.seconds(4)))
    }

    @Test("Yesterday's day budget does not hold today")
    func dayRollsOver() {
        var state = RateLimitState()
        state.observe(headers(minute: 5, day: 0, reset: t0 + 60), serverNow: t0)
        let tomorrow = t0 + 86_400
        #expect(state.decide(purpose: .sync, serverNow: tomorrow, scanReserve: 0.2) == .go)
    }

    @Test("When the server-clock estimate jumps, this process's own instants move with it")
    func clockJump() {
        var state = RateLimitState()
        let hostTime = t0 + 10_000_000  // before the first Date header, "server now" was the host's clock
        state.begin(purpose: .sync, serverNow: hostTime)
        state.end()
        state.observe(headers(minute: 30, day: 5000, reset: t0 + 60), serverNow: t0)
        state.shift(by: -10_000_000)
        #expect(state.lastPacedSend == t0)
        #expect(state.decide(purpose: .sync, serverNow: t0 + 2, scanReserve: 0.2) == .go)
        state.shift(by: 1.5)
        #expect(state.lastPacedSend == t0)
    }
}
