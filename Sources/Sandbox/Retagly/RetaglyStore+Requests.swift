import Core
import Foundation

extension RetaglyStore {
    /// `/add` and `/productUpdate`: validates every product first; any item error answers 400
    /// with all of them and saves nothing, else saves all in order.
    mutating func write(
        body: JSONValue?, endpoint: RetaglyEndpoint, at now: Date, ledgerSequence: Int
    ) -> Result<JSONValue, RetaglyAPIError> {
        let items: [JSONValue]
        switch RetaglyEnvelope.object(body, allowed: ["products"]).flatMap(RetaglyEnvelope.products) {
        case .success(let value): items = value
        case .failure(let error): return .failure(error)
        }
        let isAdd = endpoint == .add
        var changes: [RetaglyProductChange] = []
        var problems: [RetaglyItemError] = []
        for (index, item) in items.enumerated() {
            switch RetaglyProductChange.parse(item, index: index, requireNameAndPrice: isAdd) {
            case .failure(let problem): problems.append(problem)
            case .success(let change) where !isAdd && products[change.barcode] == nil:
                problems.append(
                    RetaglyItemError(
                        index: index, barcode: item["barcode"]?.stringValue,
                        message: "barcode \(change.barcode) is not in this store; send it with POST /add first"))
            case .success(let change): changes.append(change)
            }
        }
        guard problems.isEmpty else {
            let noun = problems.count == 1 ? "product is" : "products are"
            return .failure(.badRequest("\(problems.count) \(noun) invalid; nothing was saved", items: problems))
        }
        var created = 0
        for change in changes where apply(change, at: now, endpoint: endpoint, ledgerSequence: ledgerSequence) {
            created += 1
        }
        let displays = RetaglyDisplays.count(for: changes.map(\.barcode))
        return .success([
            "saved": .int(changes.count), "created": .int(created), "updated": .int(changes.count - created),
            "displaysQueued": .int(displays),
        ])
    }

    /// `/batch/start`: a new open session expiring in 30 minutes.
    mutating func startSession(
        body: JSONValue?, number: UInt64, seed: UInt64, at now: Date
    )
        -> Result<JSONValue, RetaglyAPIError>
    {
        if let body, body.objectValue == nil {
            return .failure(.badRequest("the body of /batch/start must be {} (or empty)"))
        }
        let raw = String(SeededRandom.mix(seed ^ 0xB5B5_0000_0000_0000 ^ number), radix: 16)
        let id = "bs_" + String(repeating: "0", count: 16 - raw.count) + raw
        let session = RetaglySession(id: id, number: number, startedAt: now)
        sessions[id] = session
        sessionOrder.append(id)
        return .success(["sessionId": .string(id), "expiresAt": .string(Timestamp.format(session.expiresAt))])
    }

    /// The session named in a push or complete body, if it still takes requests.
    private func openSession(_ body: JSONValue?, allowed: Set<String>, at now: Date) -> Result<String, RetaglyAPIError>
    {
        RetaglyEnvelope.object(body, allowed: allowed).flatMap(RetaglyEnvelope.sessionId).flatMap { id in
            guard let session = sessions[id] else { return .failure(.sessionNotFound(id)) }
            if session.isCompleted { return .failure(.sessionCompleted(id)) }
            if session.isExpired(at: now) { return .failure(.sessionExpired(id)) }
            return .success(id)
        }
    }

    /// `/batch/push`: appends 1–1,000 products to an open session (validated when saving).
    mutating func push(body: JSONValue?, at now: Date) -> Result<JSONValue, RetaglyAPIError> {
        let id: String
        let items: [JSONValue]
        switch openSession(body, allowed: ["sessionId", "products"], at: now).flatMap({ id in
            RetaglyEnvelope.products(body ?? [:]).map { (id, $0) }
        }) {
        case .success(let value): (id, items) = value
        case .failure(let error): return .failure(error)
        }
        let total = sessions[id]!.received.count + items.count
        guard total <= RetaglyState.maximumProductsPerSession else {
            return .failure(
                .tooManyProducts(
                    "a session holds at most \(RetaglyState.maximumProductsPerSession) products; "
                        + "complete this one and start another"))
        }
        sessions[id]!.received.append(contentsOf: items)
        return .success(["received": .int(items.count), "totalReceived": .int(total)])
    }

    /// `/batch/complete`: closes the session to pushes and starts processing it.
    mutating func complete(
        body: JSONValue?, at now: Date, timing: RetaglyTiming,
        sessionFaults: (UInt64) -> (fails: Bool, unconfirmedRate: Double, seed: UInt64)
    ) -> Result<JSONValue, RetaglyAPIError> {
        let id: String
        switch openSession(body, allowed: ["sessionId"], at: now) {
        case .success(let value): id = value
        case .failure(let error): return .failure(error)
        }
        guard var session = sessions.removeValue(forKey: id) else { return .failure(.sessionNotFound(id)) }
        defer { sessions[id] = session }
        guard !session.received.isEmpty else {
            return .failure(.badRequest("session \(id) has no products; push at least one before completing it"))
        }
        let drawn = sessionFaults(session.number)
        session.fails = drawn.fails
        session.unconfirmedRate = drawn.unconfirmedRate
        session.seed = drawn.seed
        session.schedule = RetaglySchedule(completedAt: now, productCount: session.received.count, timing: timing)
        return .success(["status": "processing"])
    }

    /// `GET /batch/{sessionId}/status` (the store is settled to `now`).
    func status(sessionId: String, at now: Date, timing: RetaglyTiming) -> Result<JSONValue, RetaglyAPIError> {
        guard let session = sessions[sessionId] else { return .failure(.sessionNotFound(sessionId)) }
        return .success(session.status(at: now, timing: timing).json)
    }
}
