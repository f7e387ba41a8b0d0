import Foundation
import Synchronization

extension RetaglySandbox {
    /// The products of the store of `token` now (batch saving due by now applied), by canonical
    /// barcode; empty for an unknown token.
    public func products(token: String) -> [String: RetaglyProduct] {
        let now = clock.now()
        return state.withLock { $0.settledStore(token, at: now)?.products ?? [:] }
    }

    /// The batch sessions of the store of `token`, in start order, as they stand now.
    public func sessions(token: String) -> [RetaglySessionReport] {
        let now = clock.now()
        return state.withLock { state in
            let timing = state.timing
            guard let store = state.settledStore(token, at: now) else { return [] }
            return store.sessionOrder.compactMap { id in
                guard let session = store.sessions[id] else { return nil }
                let status = session.status(at: now, timing: timing)
                let finishesAt =
                    status.status == .failed ? session.schedule?.failureTime : session.completionTime(timing: timing)
                return RetaglySessionReport(
                    sessionId: id, store: store.identity, startedAt: session.startedAt, expiresAt: session.expiresAt,
                    completedAt: session.schedule?.completedAt, finishesAt: finishesAt, status: status)
            }
        }
    }

    /// Every write the store of `token` applied, in order (direct writes and batch saves).
    public func writes(token: String) -> [RetaglyWrite] {
        let now = clock.now()
        return state.withLock { $0.settledStore(token, at: now)?.writes ?? [] }
    }

    /// Every request seen, in order.
    public func ledger() -> [RetaglyLedgerEntry] {
        state.withLock { $0.ledger }
    }

    /// The requests made with `token` (those the sandbox could attribute to its store).
    public func ledger(token: String) -> [RetaglyLedgerEntry] {
        state.withLock { state in
            guard let identity = state.stores[token]?.identity else { return [] }
            return state.ledger.filter { $0.store == identity }
        }
    }

    /// Counts over the ledger.
    public func ledgerSummary() -> RetaglyLedgerSummary {
        state.withLock { RetaglyLedgerSummary(entries: $0.ledger) }
    }

    /// The name ledger entries and the control plane give the store of `token` (`store-1`, …).
    public func storeIdentity(token: String) -> String? {
        state.withLock { $0.stores[token]?.identity }
    }

    /// Adds a store for `token` (no-op when it exists); its name.
    @discardableResult
    public func addStore(token: String) -> String {
        state.withLock { $0.addStore(token: token) }
    }

    /// Puts `products` into the store of `token` as they are (no ledger entry, no write record),
    /// so a test can start from a known catalog.
    public func preload(_ products: [RetaglyProduct], token: String) {
        state.withLock { state in
            state.addStore(token: token)
            _ = state.withStore(token) { store in
                for product in products { store.products[product.barcode] = product }
            }
        }
    }

    /// The faults in force.
    public var faults: RetaglyFaults {
        state.withLock { $0.faults }
    }

    /// Replaces the faults (an ongoing 429 storm ends).
    public func setFaults(_ faults: RetaglyFaults) {
        state.withLock { state in
            state.faults = faults
            state.stormRemaining = 0
        }
    }

    /// Changes some faults in place.
    public func updateFaults(_ change: (inout RetaglyFaults) -> Void) {
        state.withLock { change(&$0.faults) }
    }

    /// Takes the service down (every call 503) or brings it back.
    public func setDown(_ down: Bool) {
        state.withLock { state in
            state.faults.down = down
            if !down { state.faults.downUntil = nil }
        }
    }

    /// Sets the per-token rate limit (`nil`: none).
    public func setRateLimit(perMinute: Int?) {
        state.withLock { $0.rateLimitPerMinute = perMinute }
    }
}

extension RetaglySandbox {
    /// The writes of the store of `token` that delivered a state the product already had (a
    /// resend with no change in between), each excused when the sandbox gave the client a reason
    /// (a delayed answer, a failed session). A client that never resends what was delivered shows
    /// no unexcused repeat: `repeatedDeliveries(token:).filter { $0.excuse == nil }` is empty.
    /// The first write of a barcode is never a repeat (a preloaded product is not a delivery).
    public func repeatedDeliveries(token: String) -> [RetaglyRepeatedDelivery] {
        let writes = writes(token: token)
        let identity = storeIdentity(token: token)
        let delayed = Set(ledger().filter { $0.store == identity && $0.fault == .delay }.map(\.sequence))
        let failed = Set(sessions(token: token).filter { $0.status.status == .failed }.map(\.sessionId))
        return RetaglyDeliveryAudit.repeats(in: writes, delayedSequences: delayed, failedSessions: failed)
    }
}
