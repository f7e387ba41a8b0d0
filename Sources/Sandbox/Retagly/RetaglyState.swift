import Core
import Foundation

/// The whole Retagly sandbox as one value: the stores by token, the faults, the ledger and the
/// counters that make faults and session ids deterministic. ``handle(_:)`` is the API without HTTP.
struct RetaglyState: Sendable {
    /// The most products one `/add`, `/productUpdate` or `/batch/push` takes.
    static let maximumProductsPerRequest = 1000
    /// The most products one batch session holds.
    static let maximumProductsPerSession = 100_000

    let seed: UInt64
    let timing: RetaglyTiming
    /// Stores by bearer token.
    var stores: [String: RetaglyStore] = [:]
    var faults: RetaglyFaults
    /// Calls a token may make per sandbox-clock minute; `nil` for no limit.
    var rateLimitPerMinute: Int?
    var ledger: [RetaglyLedgerEntry] = []
    /// Requests seen (the fault draw index).
    var requestCount: UInt64 = 0
    /// Sessions started (the session id and session-fault draw index).
    var sessionCount: UInt64 = 0
    /// Answers still due in the current 429 storm.
    var stormRemaining = 0

    init(tokens: [String], seed: UInt64, timing: RetaglyTiming, faults: RetaglyFaults, rateLimitPerMinute: Int?) {
        self.seed = seed
        self.timing = timing
        self.faults = faults
        self.rateLimitPerMinute = rateLimitPerMinute
        for token in tokens { addStore(token: token) }
    }

    /// Adds a store for `token` (named `store-N` in order of addition) unless it exists; its name.
    @discardableResult
    mutating func addStore(token: String) -> String {
        if let existing = stores[token] { return existing.identity }
        let identity = "store-\(stores.count + 1)"
        stores[token] = RetaglyStore(identity: identity)
        return identity
    }

    /// The token of the store named `identity`, for the control plane (never shown).
    func token(ofStore identity: String) -> String? {
        stores.first { $0.value.identity == identity }?.key
    }

    /// Runs `body` on the store of `token` in place (moved out of the dictionary, so nothing is copied).
    mutating func withStore<Result>(_ token: String, _ body: (inout RetaglyStore) -> Result) -> Result? {
        guard var store = stores.removeValue(forKey: token) else { return nil }
        defer { stores[token] = store }
        return body(&store)
    }

    /// The store of `token` brought up to `now` (batch saving applied).
    mutating func settledStore(_ token: String, at now: Date) -> RetaglyStore? {
        let timing = timing
        return withStore(token) { store in
            store.settle(at: now, timing: timing)
            return store
        }
    }
}
