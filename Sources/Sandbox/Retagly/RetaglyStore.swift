import Core
import Foundation

/// Everything one store token owns: its products, its batch sessions, the writes it applied and
/// its rate-limit window. Pure value logic; the sandbox guards it with a lock.
struct RetaglyStore: Sendable {
    /// The name the ledger and the control plane use for this store (`store-1`, …), never the token.
    let identity: String
    var products: [String: RetaglyProduct] = [:]
    var sessions: [String: RetaglySession] = [:]
    /// Session ids in start order.
    var sessionOrder: [String] = []
    /// Every write applied, in order.
    var writes: [RetaglyWrite] = []
    /// Start of the current rate-limit minute and the calls counted in it.
    var windowStart = Date.distantPast
    var windowCount = 0

    init(identity: String) { self.identity = identity }

    /// Counts one call against a per-minute limit (sandbox-clock minutes); the seconds to wait
    /// when over it.
    mutating func admit(at now: Date, limit: Int?) -> Int? {
        guard let limit else { return nil }
        let minute = (now.timeIntervalSince1970 / 60).rounded(.down) * 60
        if windowStart.timeIntervalSince1970 != minute {
            windowStart = Date(timeIntervalSince1970: minute)
            windowCount = 0
        }
        guard windowCount < limit else {
            return max(1, Int((minute + 60 - now.timeIntervalSince1970).rounded(.up)))
        }
        windowCount += 1
        return nil
    }

    /// Applies one validated change, recording it; `true` when it created the product.
    @discardableResult
    mutating func apply(
        _ change: RetaglyProductChange, at time: Date, endpoint: RetaglyEndpoint, sessionId: String? = nil,
        ledgerSequence: Int? = nil
    ) -> Bool {
        let existing = products[change.barcode]
        guard let product = change.applied(to: existing, at: time) else { return false }
        products[change.barcode] = product
        writes.append(
            RetaglyWrite(
                time: time, endpoint: endpoint, sessionId: sessionId, ledgerSequence: ledgerSequence, change: change,
                created: existing == nil))
        return existing == nil
    }

    /// Runs batch processing up to `now`: saves every session product whose save time has come,
    /// in time order across sessions, and plans display confirmations of sessions done saving.
    mutating func settle(at now: Date, timing: RetaglyTiming) {
        var due: [(time: Date, order: Int, index: Int)] = []
        for (order, id) in sessionOrder.enumerated() {
            guard let session = sessions[id], let schedule = session.schedule else { continue }
            let limit = schedule.savedCount(at: now)
            for index in session.processed..<max(session.processed, limit) {
                due.append((schedule.saveTime(of: index), order, index))
            }
        }
        if due.count > 1 { due.sort { ($0.time, $0.order, $0.index) < ($1.time, $1.order, $1.index) } }
        for item in due { save(sessionId: sessionOrder[item.order], index: item.index, at: item.time) }
        for id in sessionOrder {
            guard let session = sessions[id], session.isCompleted, session.confirmChecks == nil,
                session.processed == session.received.count
            else { continue }
            sessions[id]?.planConfirmations(timing: timing)
        }
    }

    /// Validates and saves entry `index` of a session: a new barcode needs name and price, a known
    /// one is a partial update; problems go to the session's errors.
    private mutating func save(sessionId: String, index: Int, at time: Date) {
        // Moved out of the dictionary so mutating its sets and arrays never copies them.
        guard var session = sessions.removeValue(forKey: sessionId) else { return }
        defer { sessions[sessionId] = session }
        session.processed = index + 1
        switch RetaglyProductChange.parse(session.received[index], index: index, requireNameAndPrice: false) {
        case .failure(let error):
            session.errors.append(error)
        case .success(let change):
            guard products[change.barcode] != nil || (change.name != nil && change.price != nil) else {
                let sent = session.received[index]["barcode"]?.stringValue
                session.errors.append(
                    RetaglyItemError(
                        index: index, barcode: sent,
                        message: "barcode \(change.barcode) is new to this store: name and price are required"))
                return
            }
            apply(change, at: time, endpoint: .batchPush, sessionId: sessionId)
            session.productsSaved += 1
            if session.savedBarcodes.insert(change.barcode).inserted {
                session.tagsTotal += RetaglyDisplays.count(for: change.barcode)
            }
        }
    }
}
