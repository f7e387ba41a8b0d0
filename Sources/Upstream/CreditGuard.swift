import Core
import Foundation
import Logging
import Synchronization

/// Guards credit spending: the daily credit cap (through the ``SpendLedger``), the stop after a
/// `402 insufficient_credits`, the last known balance and the pricing in force.
///
/// A paid call is admitted only if `spent today + its expected cost ≤ cap`, where "spent today"
/// already holds the estimates of calls in flight: the estimate is written to the ledger *before*
/// the call is sent (a crash after the charge cannot lose it) and corrected to what the server
/// actually debited when the call ends (a lost answer keeps the estimate, a free answer removes it).
final class CreditGuard: Sendable {
    private struct State {
        var pricing = Pricing.contractDefaults
        var creditsRemaining: Credits?
        var day: String?
        /// The ledger's total for `day`, estimates of calls in flight included.
        var spentToday = Credits.zero
        /// Set by a 402: the balance then, and the cost that was refused.
        var stop: (balance: Credits?, refusedCost: Credits)?
        /// The balance against `upstream.low_credit_warning`.
        var low: LowCreditWatch
    }

    private let state: Mutex<State>
    private let ledger: any SpendLedger
    private let cap: Mutex<Credits?>
    private let logger: Logger

    /// - Parameter lowCreditWarning: the balance below which a warning is logged once per crossing
    ///   (`nil` or zero: off).
    init(ledger: any SpendLedger, limit: Credits?, lowCreditWarning: Credits? = nil, logger: Logger) {
        self.ledger = ledger
        self.cap = Mutex(limit)
        self.state = Mutex(State(low: LowCreditWatch(threshold: lowCreditWarning)))
        self.logger = logger
    }

    /// The low-credit warning threshold (`nil`: off) and whether the last balance seen is below it.
    var lowCredit: (threshold: Credits?, isLow: Bool) {
        state.withLock { ($0.low.threshold, $0.low.isLow) }
    }

    /// Applies a new low-credit warning threshold (a reload); zero or `nil` turns it off.
    func setLowCreditWarning(_ threshold: Credits?) {
        let crossing = state.withLock { $0.low.setThreshold(threshold) }
        report(crossing)
    }

    /// The daily credit cap (changeable at runtime: a reloaded config); `nil` for none.
    var limit: Credits? {
        get { cap.withLock { $0 } }
        set { cap.withLock { $0 = newValue } }
    }

    var pricing: Pricing {
        get { state.withLock { $0.pricing } }
    }

    func setPricing(_ pricing: Pricing) { state.withLock { $0.pricing = pricing } }

    var creditsRemaining: Credits? { state.withLock { $0.creditsRemaining } }
    var isStopped: Bool { state.withLock { $0.stop != nil } }

    /// Credits recorded for the server's day `day` (zero before the ledger was read).
    func spent(on day: String) -> Credits {
        state.withLock { $0.day == day ? $0.spentToday : .zero }
    }

    /// Reads the ledger for `day` unless it is the day already held.
    func loadDay(_ day: String) async throws(UpstreamError) {
        if state.withLock({ $0.day == day }) { return }
        let spent: Credits
        do { spent = try await ledger.spent(onUTCDay: day) } catch {
            logger.error("cannot read the credit spend ledger", metadata: ["error": "\(error)"])
            throw .unavailable("the credit spend ledger cannot be read")
        }
        state.withLock { state in
            guard state.day != day else { return }
            state.day = day
            state.spentToday = spent
        }
    }

    /// Admits a call expected to cost `cost` on the server's day `day` and records that estimate in
    /// the ledger before returning; hand the reservation back to ``settle(_:debited:day:)``. A ledger that
    /// cannot be written refuses the call (`unavailable`): a paid call is never sent unrecorded.
    func admit(cost: Credits, day: String, resumeAt: Date) async throws(UpstreamError) -> CreditReservation {
        guard cost > .zero else { return .free(on: day) }
        if isStopped { throw .insufficientCredits }
        var admitted: Bool?
        // Another call may move the held day between reading it and reserving: read it again.
        for _ in 0..<3 where admitted == nil {
            try await loadDay(day)
            let limit = self.limit
            admitted = state.withLock { state -> Bool? in
                guard state.day == day else { return nil }
                if let limit, state.spentToday + cost > limit { return false }
                state.spentToday = state.spentToday + cost
                return true
            }
        }
        guard let admitted else { throw .unavailable("the server's day kept changing; try again") }
        guard admitted else { throw .creditCapReached(resumeAt: resumeAt) }
        do { try await ledger.record(cost, onUTCDay: day) } catch {
            adjust(by: .zero - cost, day: day)
            logger.error(
                "cannot record a paid call's estimated cost in the ledger; the call is not sent",
                metadata: ["credits": "\(cost)", "day": "\(day)", "error": "\(error)"])
            throw .unavailable("the credit spend ledger cannot be written")
        }
        return CreditReservation(cost: cost, day: day)
    }

    /// Corrects a reservation's estimate to what the server debited (zero: nothing was charged, or
    /// the estimate when the answer was lost). `day` is the server's day after the answer: when it is
    /// not the reservation's (the first answer taught the server's clock), the charge moves to it.
    func settle(_ reservation: CreditReservation, debited: Credits, day: String) async {
        if day != reservation.day {
            if reservation.cost > .zero { await correct(reservation.day, by: .zero - reservation.cost, load: false) }
            if debited > .zero { await correct(day, by: debited, load: true) }
            return
        }
        await correct(day, by: debited - reservation.cost, load: reservation.cost == .zero)
    }

    /// Adds `correction` to `day` in the ledger, and in memory when `day` is held (`load`: hold it).
    private func correct(_ day: String, by correction: Credits, load: Bool) async {
        guard correction != .zero else { return }
        if load { try? await loadDay(day) }
        adjust(by: correction, day: day)
        do { try await ledger.record(correction, onUTCDay: day) } catch {
            logger.error(
                "cannot correct spent credits in the ledger",
                metadata: ["correction": "\(correction)", "day": "\(day)", "error": "\(error)"])
        }
    }

    private func adjust(by credits: Credits, day: String) {
        state.withLock { state in
            if state.day == day { state.spentToday = state.spentToday + credits }
        }
    }

    /// Takes in a balance seen in a response or from `/balance`; a balance above the one at the
    /// 402, or one that covers the refused call, lifts the stop.
    func observeRemaining(_ credits: Credits) {
        let (lifted, crossing) = state.withLock { state -> (Bool, LowCreditWatch.Crossing?) in
            state.creditsRemaining = credits
            let crossing = state.low.observe(credits)
            guard let stop = state.stop else { return (false, crossing) }
            if credits >= stop.refusedCost || (stop.balance.map { credits > $0 } ?? (credits > .zero)) {
                state.stop = nil
                return (true, crossing)
            }
            return (false, crossing)
        }
        if lifted {
            logger.notice("credits are available again; paid calls resume", metadata: ["credits": "\(credits)"])
        }
        report(crossing)
    }

    /// A 402: stop paid calls until a top-up is seen.
    func stopSpending(balance: Credits?, refusedCost: Credits) {
        let crossing = state.withLock { state -> LowCreditWatch.Crossing? in
            state.stop = (balance, refusedCost)
            guard let balance else { return nil }
            state.creditsRemaining = balance
            return state.low.observe(balance)
        }
        report(crossing)
    }

    /// One log line per crossing of the low-credit warning.
    private func report(_ crossing: LowCreditWatch.Crossing?) {
        guard let crossing else { return }
        let (threshold, balance) = state.withLock { ($0.low.threshold, $0.low.balance) }
        let metadata: Logger.Metadata = [
            "credits": "\(balance.map(\.description) ?? "unknown")",
            "low_credit_warning": "\(threshold.map(\.description) ?? "off")",
        ]
        switch crossing {
        case .fellBelow:
            logger.warning(
                """
                Retail Digitals credits are low (below upstream.low_credit_warning): top up the account \
                before paid calls stop with insufficient_credits
                """,
                metadata: metadata)
        case .recovered:
            logger.notice("Retail Digitals credits are above upstream.low_credit_warning again", metadata: metadata)
        }
    }
}
