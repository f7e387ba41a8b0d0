import Core
import Foundation

extension RetaglyState {
    /// The fault injected into the current request (draw index ``requestCount``), if any, with the
    /// error that replaces the answer (`nil` for a delay, or for a closed connection).
    mutating func drawFault(for endpoint: RetaglyEndpoint, at now: Date) -> (RetaglyFaultKind, RetaglyAPIError?)? {
        guard faults.applies(to: endpoint) else { return nil }
        if faults.isDown(at: now) {
            let wait = faults.down ? nil : faults.downUntil.map { max(1, Int($0.timeIntervalSince(now).rounded(.up))) }
            let error = RetaglyAPIError(
                status: 503, code: "service_unavailable",
                message: "Retagly is temporarily unavailable; retry with backoff", retryAfter: wait)
            return (.down, error)
        }
        if stormRemaining > 0 {
            stormRemaining -= 1
            return (.rateLimitStorm, stormError())
        }
        let seed = seed
        let base = requestCount &* 8
        let draw = { (slot: UInt64) in RetaglyRandom.unit(seed: seed, stream: 0xFA17, index: base &+ slot) }
        if draw(0) < faults.connectionCloseRate { return (.connectionClosed, nil) }
        if draw(1) < faults.serverErrorRate {
            let status = draw(2) < 0.5 ? 500 : 503
            let error = RetaglyAPIError(
                status: status, code: status == 500 ? "internal_error" : "service_unavailable",
                message: "Retagly could not process the request; retry with backoff")
            return (.serverError, error)
        }
        if draw(3) < faults.rateLimitStormRate {
            stormRemaining = max(0, faults.stormLength - 1)
            return (.rateLimitStorm, stormError())
        }
        if draw(4) < faults.delayRate { return (.delay, nil) }
        return nil
    }

    private func stormError() -> RetaglyAPIError {
        .rateLimited(
            retryAfter: max(1, faults.stormRetryAfter),
            message: "too many requests to Retagly; retry after the Retry-After seconds")
    }

    /// The session faults drawn for session number `number` when it is completed.
    func drawSessionFaults(number: UInt64) -> (fails: Bool, unconfirmedRate: Double, seed: UInt64) {
        let fails = RetaglyRandom.unit(seed: seed, stream: 0x5E55, index: number) < faults.sessionFailureRate
        return (fails, faults.unconfirmedDisplayRate, SeededRandom.mix(seed ^ number))
    }
}
