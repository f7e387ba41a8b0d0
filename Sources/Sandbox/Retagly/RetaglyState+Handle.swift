import Core
import Foundation

extension RetaglyState {
    /// Answers one call: faults in front, then auth, the rate limit, batch processing up to now,
    /// and the endpoint itself; records the ledger entry.
    mutating func handle(_ call: RetaglyCall) -> RetaglyOutcome {
        requestCount += 1
        let body = try? call.parsed?.get()
        var entry = RetaglyLedgerEntry(
            sequence: ledger.count + 1, time: call.now, store: call.token.flatMap { stores[$0]?.identity },
            endpoint: call.endpoint, sessionId: call.pathSessionId ?? body?["sessionId"]?.stringValue, status: 0,
            errorCode: nil, fault: nil, products: [], applied: false)
        if call.endpoint.carriesProducts, let items = body?["products"]?.arrayValue {
            entry.products = items.enumerated().compactMap { index, item in
                try? RetaglyProductChange.parse(item, index: index, requireNameAndPrice: false).get()
            }
        }
        var outcome: RetaglyOutcome
        let fault = drawFault(for: call.endpoint, at: call.now)
        entry.fault = fault?.0
        switch fault {
        case (.connectionClosed, _)?:
            outcome = RetaglyOutcome(status: 200, body: [:])
            outcome.closeConnection = true
        case (_, let error?)?:
            outcome = RetaglyOutcome(error: error)
        default:
            outcome = answer(call, entry: &entry)
            if fault?.0 == .delay { outcome.delay = faults.delay }
        }
        entry.status = outcome.status
        entry.errorCode = outcome.body["error"]?["code"]?.stringValue
        ledger.append(entry)
        return outcome
    }

    /// The API proper, once no fault replaced the answer.
    private mutating func answer(_ call: RetaglyCall, entry: inout RetaglyLedgerEntry) -> RetaglyOutcome {
        guard let token = call.token, stores[token] != nil else {
            let message =
                call.token == nil
                ? "send the store token as Authorization: Bearer <store token>"
                : "the store token is not valid; use the token Retagly issued for this store"
            return RetaglyOutcome(error: .unauthorized(message))
        }
        let limit = rateLimitPerMinute
        if let wait = withStore(token, { $0.admit(at: call.now, limit: limit) }) ?? nil {
            return RetaglyOutcome(
                error: .rateLimited(
                    retryAfter: wait, message: "over \(limit ?? 0) requests a minute for this store; retry later"))
        }
        var body: JSONValue?
        switch call.parsed {
        case nil:
            return RetaglyOutcome(
                error: .tooManyProducts(
                    "the body is over \(RetaglySandbox.maximumBodyBytes) bytes; send at most 1000 products a request"))
        case .success(let value)?:
            body = value
        case .failure(let error)?:
            let empty = (call.body ?? []).isEmpty
            if call.endpoint == .batchStatus || (empty && call.endpoint == .batchStart) {
                body = nil
            } else if empty {
                return RetaglyOutcome(error: .badRequest("the body is empty; send a JSON object"))
            } else {
                return RetaglyOutcome(error: .badRequest("the body is not JSON: \(error.description)"))
            }
        }
        guard var store = stores.removeValue(forKey: token) else {
            return RetaglyOutcome(error: .unauthorized("the store token is not valid"))
        }
        store.settle(at: call.now, timing: timing)
        let result = dispatch(call, body: body, store: &store, entry: &entry)
        stores[token] = store
        switch result {
        case .success(let json): return RetaglyOutcome(status: 200, body: json)
        case .failure(let error): return RetaglyOutcome(error: error)
        }
    }

    /// Routes a call to its endpoint on `store`.
    private mutating func dispatch(
        _ call: RetaglyCall, body: JSONValue?, store: inout RetaglyStore, entry: inout RetaglyLedgerEntry
    ) -> Result<JSONValue, RetaglyAPIError> {
        switch call.endpoint {
        case .add, .productUpdate:
            let result = store.write(body: body, endpoint: call.endpoint, at: call.now, ledgerSequence: entry.sequence)
            if case .success = result { entry.applied = true }
            return result
        case .batchStart:
            sessionCount += 1
            return store.startSession(body: body, number: sessionCount, seed: seed, at: call.now)
        case .batchPush:
            return store.push(body: body, at: call.now)
        case .batchComplete:
            return store.complete(body: body, at: call.now, timing: timing) { drawSessionFaults(number: $0) }
        case .batchStatus:
            return store.status(sessionId: call.pathSessionId ?? "", at: call.now, timing: timing)
        }
    }
}
