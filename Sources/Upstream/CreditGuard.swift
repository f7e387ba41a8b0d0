import Core
import Foundation
import Logging
import Synchronization

/// Guards credit spending: the daily credit cap (through the ``SpendLedger``), the stop after a
/// `402 insufficient_credits`, the last known balance and the pricing in force.
///
/// A paid call is admitted only if `spent today + reserved by calls in flight + its expected cost ≤
/// cap`; its reservation is released when it ends and what the server actually debited is recorded.
final class CreditGuard: Sendable {
    private struct State {
        var pricing = Pricing.contractDefaults
        var creditsRemaining: Credits?
        var day: String?
        var spentToday = Credits.zero
        var reserved = Credits.zero
        /// Set by a 402: the balance then, and the cost that was refused.
        var stop: (balance: Credits?, refusedCost: Credits)?
    }

    private let state = Mutex(State())
    private let ledger: any SpendLedger
    private let cap: Mutex<Credits?>
    private let logger: Logger

    init(ledger: any SpendLedger, limit: Credits?, logger: Logger) {
        self.ledger = ledger
        self.cap = Mutex(limit)
        self.logger = logger
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

    /// Admits a call expected to cost `cost` on the server's day `day`; returns the reservation to
    /// hand back to ``settle(reservation:debited:day:)``.
    func admit(cost: Credits, day: String, resumeAt: Date) async throws(UpstreamError) -> Credits {
        guard cost > .zero else { return .zero }
        if isStopped { throw .insufficientCredits }
        try await loadDay(day)
        let limit = self.limit
        let admitted: Bool = state.withLock { state in
            if let limit, state.spentToday + state.reserved + cost > limit { return false }
            state.reserved = state.reserved + cost
            return true
        }
        guard admitted else { throw .creditCapReached(resumeAt: resumeAt) }
        return cost
    }

    /// Releases a reservation and records what the server debited.
    func settle(reservation: Credits, debited: Credits?, day: String) async {
        state.withLock { $0.reserved = $0.reserved - reservation }
        guard let debited, debited > .zero else { return }
        do { try await loadDay(day) } catch { return }
        state.withLock { state in
            if state.day == day { state.spentToday = state.spentToday + debited }
        }
        do { try await ledger.record(debited, onUTCDay: day) } catch {
            logger.error(
                "cannot record spent credits in the ledger",
                metadata: ["credits": "\(debited)", "day": "\(day)", "error": "\(error)"])
        }
    }

    /// Takes in a balance seen in a response or from `/balance`; a balance above the one at the
    /// 402, or one that covers the refused call, lifts the stop.
    func observeRemaining(_ credits: Credits) {
        let lifted: Bool = state.withLock { state in
            state.creditsRemaining = credits
            guard let stop = state.stop else { return false }
            if credits >= stop.refusedCost || (stop.balance.map { credits > $0 } ?? (credits > .zero)) {
                state.stop = nil
                return true
            }
            return false
        }
        if lifted {
            logger.notice("credits are available again; paid calls resume", metadata: ["credits": "\(credits)"])
        }
    }

    /// A 402: stop paid calls until a top-up is seen.
    func stopSpending(balance: Credits?, refusedCost: Credits) {
        state.withLock { state in
            if let balance { state.creditsRemaining = balance }
            state.stop = (balance, refusedCost)
        }
    }
}
