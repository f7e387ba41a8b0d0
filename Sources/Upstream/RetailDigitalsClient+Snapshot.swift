import Core
import Foundation

extension RetailDigitalsClient {
    /// The current state, for status output.
    public var snapshot: UpstreamSnapshot {
        get async {
            let serverNow = clock.serverNow()
            let day = RateLimitState.utcDay(serverNow)
            try? await credits.loadDay(day)
            let state = pacer.current
            var rateLimit: UpstreamSnapshot.RateLimit?
            if state.limitMinute != nil || state.remainingMinute != nil || state.remainingDay != nil {
                let windowOpen = state.windowResetAt.map { $0 > serverNow } ?? false
                let dayCurrent = state.dayObserved == day
                rateLimit = UpstreamSnapshot.RateLimit(
                    limitMinute: state.limitMinute,
                    remainingMinute: windowOpen ? state.remainingMinute : state.limitMinute,
                    limitDay: state.limitDay,
                    remainingDay: dayCurrent ? state.remainingDay : state.limitDay,
                    resetAt: windowOpen ? state.windowResetAt.map(clock.local) : nil,
                    inFlight: state.inFlight)
            }
            let lowCredit = credits.lowCredit
            return UpstreamSnapshot(
                auth: gate.authState,
                creditsRemaining: credits.creditsRemaining,
                creditsSpentToday: credits.spent(on: day),
                dailyCreditLimit: credits.limit,
                creditsLost: lost.credits,
                answersLost: lost.answers,
                paidCallsStopped: credits.isStopped,
                rateLimit: rateLimit,
                serverClockOffset: clock.offset.map { .milliseconds(Int64(saturating: ($0 * 1000).rounded())) },
                pricing: credits.pricing,
                lastError: gate.lastError,
                lowCreditWarning: lowCredit.threshold,
                creditsLow: lowCredit.isLow,
                proxy: configuration.proxy)
        }
    }
}
