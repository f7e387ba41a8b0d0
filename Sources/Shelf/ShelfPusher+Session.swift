import Core
import Logging
import Store

extension ShelfPusher {
    /// Sends many products through a batch session: start, push ≤ 1,000 a call, complete, then
    /// follow it to its end. The session and what it carries are recorded first, so a restart
    /// resumes following it instead of sending it again.
    func runSession(_ items: [ShelfPlannedItem]) async throws -> ShelfStep {
        let started = await client.startSession()
        guard case .ok(let answer) = started else { return .failure(started) }
        guard let sessionId = RetaglyAnswer.read(RetaglyAnswer.SessionStarted.self, answer)?.sessionId,
            !sessionId.isEmpty
        else { return .retry(retryAfter: nil, reason: "Retagly started a session without a sessionId") }
        var record = ShelfSessionRecord(
            sessionId: sessionId, status: .open, products: items.count, startedAt: outbox.now())
        let sessionItems = items.enumerated().map { position, item in
            ShelfSessionItem(
                position: position, barcode: item.barcode, throughSeq: item.throughSeq,
                sent: item.payload.storedJSON.jsonText, asNew: item.asNew)
        }
        try await database.write { [record] connection in
            try connection.insertShelfSession(record, items: sessionItems)
        }
        logger.info("shelf batch session started", metadata: ["session": "\(sessionId)", "products": "\(items.count)"])
        var failures = 0
        var next = 0
        var uncertain = false
        while next < items.count {
            let chunk = Array(items[next..<min(next + configuration.pushChunkSize, items.count)])
            if uncertain {
                // The last push of this chunk failed without saying whether Retagly kept it (a
                // timeout, a 5xx, a dropped connection): ask before sending it a second time.
                let held: Int
                switch await receivedCount(sessionId) {
                case .held(let count): held = count
                case .unknown:
                    failures += 1
                    try await Task.sleep(for: backoff.delay(attempt: failures, retryAfter: nil))
                    continue
                case .ended(let status):
                    try await finish(
                        &record, status == "expired" ? .expired : .abandoned,
                        message: "the session is \(status) after a failed push")
                    return .progress
                }
                uncertain = false
                if held == next + chunk.count {
                    next += chunk.count
                    continue
                }
                if held != next {
                    try await finish(
                        &record, .abandoned,
                        message:
                            "Retagly holds \(held) products after a failed push, expected \(next) or \(next + chunk.count)"
                    )
                    return .progress
                }
            }
            let result = await client.push(sessionId: sessionId, products: chunk.map(\.retaglyJSON))
            switch result {
            case .ok:
                next += chunk.count
                failures = 0
            case .retry(let retryAfter, _):
                failures += 1
                uncertain = true
                try await Task.sleep(for: backoff.delay(attempt: failures, retryAfter: retryAfter))
            case .sessionGone(let status, let code):
                try await finish(&record, status == 410 ? .expired : .abandoned, message: "push answered \(code)")
                return .progress
            case .itemErrors, .refused:
                try await finish(&record, .abandoned, message: "Retagly refused a push: \(result)")
                return .failure(result)
            }
        }
        // Recorded as processing before completing: a restart then completes it (idempotent: 409).
        record.status = .processing
        record.completedAt = outbox.now()
        try await database.write { [record] connection in try connection.updateShelfSession(record) }
        return try await follow(record, items: sessionItems)
    }

    /// What an open session holds by Retagly's count (`productsTotal` of its status).
    enum SessionHolding {
        case held(Int)
        /// The status could not be read now (try again later).
        case unknown
        /// The session is no longer open (`expired`, `failed`, …, or gone: 404/410).
        case ended(String)
    }

    /// How many products session `sessionId` holds, asked after a push of unknown fate.
    private func receivedCount(_ sessionId: String) async -> SessionHolding {
        switch await client.status(sessionId: sessionId) {
        case .ok(let json):
            guard let status = RetaglyAnswer.read(RetaglyAnswer.SessionStatus.self, json) else { return .unknown }
            let state = status.status ?? "unknown"
            guard state == "open" else { return .ended(state) }
            return status.productsTotal?.value.map(SessionHolding.held) ?? .unknown
        case .sessionGone(let status, _):
            return .ended(status == 410 ? "expired" : "gone")
        case .retry, .itemErrors, .refused:
            return .unknown
        }
    }

    /// Picks up a session a previous run left unfinished: one still open lost some pushes (it is
    /// given up and its products go again); one processing is completed (again) and followed.
    func resume(_ session: ShelfSessionRecord) async throws -> ShelfStep {
        var record = session
        guard session.status == .processing else {
            try await finish(&record, .abandoned, message: "storesync stopped while pushing it")
            return .progress
        }
        let items = try await database.read { try $0.shelfSessionItems(session.sessionId) }
        logger.info(
            "following the shelf batch session left by the previous run", metadata: ["session": "\(session.sessionId)"])
        return try await follow(record, items: items)
    }

    /// Ends `record` with `status` (not completed): its products stay in the outbox for the next round.
    func finish(_ record: inout ShelfSessionRecord, _ status: ShelfSessionStatus, message: String) async throws {
        record.status = status
        record.finishedAt = outbox.now()
        record.message = message
        let final = record
        let keep = configuration.keptSessions
        try await database.write { connection in
            try connection.updateShelfSession(final)
            try connection.pruneShelfSessions(keep: keep)
        }
        metrics.session(status.rawValue)
        logger.notice(
            "shelf batch session ended without completing; its products go again",
            metadata: ["session": "\(record.sessionId)", "status": "\(status.rawValue)", "reason": "\(message)"])
    }
}
