import Core
import Foundation
import NIOHTTP1

@testable import Upstream

/// Header sets of the fuzz corpus, and the check of what ``ResponseFacts`` made of them: every value
/// it kept is within its range, and the pacing maths and the server clock run on them.
enum HostileHeaders {
    static let counted = [
        "X-RateLimit-Limit-Minute", "X-RateLimit-Limit-Day", "X-RateLimit-Remaining-Minute",
        "X-RateLimit-Remaining-Day",
    ]
    /// Received "now" for every mutation, so a run is deterministic.
    static let localNow = Date(timeIntervalSince1970: 1_782_923_400)

    /// Every numeric header at once, each hostile or absent, with a real `Date` half the time.
    static func all(_ random: inout SeededRandom) -> HTTPHeaders {
        var headers = HTTPHeaders()
        let names = counted + ["X-RateLimit-Reset", "X-Credits-Debited", "X-Credits-Remaining", "Retry-After"]
        for name in names where random.percent(70) { headers.add(name: name, value: HostileValues.headerText(&random)) }
        if random.percent(50) {
            headers.add(name: "Date", value: HTTPDate.format(localNow))
            if random.percent(30) {
                headers.replaceOrAdd(name: "X-RateLimit-Reset", value: String(Int(localNow.timeIntervalSince1970) + 30))
            }
        } else if random.percent(30) {
            headers.add(name: "Date", value: random.pick(HostileValues.timestampTexts))
        }
        return headers
    }

    /// A `Retry-After` alone (seconds, dates, garbage), with or without a `Date`.
    static func retryAfter(_ random: inout SeededRandom) -> HTTPHeaders {
        var headers = HTTPHeaders()
        let value =
            random.percent(20)
            ? HTTPDate.format(
                localNow.addingTimeInterval(Double(Int.random(in: -1_000_000...1_000_000, using: &random))))
            : HostileValues.headerText(&random)
        headers.add(name: "Retry-After", value: value)
        if random.percent(50) { headers.add(name: "Date", value: HTTPDate.format(localNow)) }
        return headers
    }

    /// The two credit headers alone.
    static func credits(_ random: inout SeededRandom) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add(name: "X-Credits-Debited", value: HostileValues.headerText(&random))
        headers.add(name: "X-Credits-Remaining", value: HostileValues.headerText(&random))
        return headers
    }

    /// Reads `headers` and checks every kept value; runs the pacing maths and the clock on them.
    static func check(_ headers: HTTPHeaders) -> HostileDecoder.Verdict {
        let facts = ResponseFacts(headers: headers, localNow: localNow)
        var violations: [String] = []
        let counts = [
            facts.rateLimit.limitMinute, facts.rateLimit.limitDay, facts.rateLimit.remainingMinute,
            facts.rateLimit.remainingDay,
        ]
        for case let count? in counts where !(0...Int(Int32.max)).contains(count) {
            violations.append("count \(count)")
        }
        if let debited = facts.creditsDebited, !Credits.plausibleAmounts.contains(debited) {
            violations.append("debited \(debited)")
        }
        if let remaining = facts.creditsRemaining, !Credits.plausibleRange.contains(remaining) {
            violations.append("remaining \(remaining)")
        }
        if let wait = facts.retryAfter, !(Duration.zero...RetryAfter.maximum).contains(wait) {
            violations.append("retry-after \(wait)")
        }
        let reference = facts.serverDate ?? localNow
        if let reset = facts.rateLimit.reset, abs(reset.timeIntervalSince(reference)) > ResponseFacts.resetTolerance {
            violations.append("reset \(reset)")
        }
        exercise(facts)
        guard violations.isEmpty else { return .violated(violations.joined(separator: ", ")) }
        let kept = counts.contains { $0 != nil } || facts.creditsDebited != nil || facts.creditsRemaining != nil
        return kept || facts.retryAfter != nil || facts.rateLimit.reset != nil ? .accepted : .refused
    }

    /// What the client does with an answer's facts: the server clock, pacing, a 429's block.
    private static func exercise(_ facts: ResponseFacts) {
        let clock = ServerClock()
        if let date = facts.serverDate { clock.observe(serverDate: date, localNow: localNow) }
        let serverNow = clock.serverNow(localNow: localNow)
        _ = Timestamp.format(serverNow)
        var state = RateLimitState()
        state.observe(facts.rateLimit, serverNow: serverNow)
        state.begin(purpose: .sync, serverNow: serverNow)
        state.observeRateLimited(facts.rateLimit, retryAfter: facts.retryAfter, serverNow: serverNow)
        state.shift(by: clock.offset ?? 0)
        for purpose in [RequestPurpose.scan, .sync] {
            _ = state.decide(purpose: purpose, serverNow: serverNow.addingTimeInterval(1), scanReserve: 0.2)
        }
        _ = RateLimitState.nextUTCMidnight(after: serverNow)
    }
}
