import Core
import Logging
import Store

extension ShelfPusher {
    /// Completes `record` (again, if need be) and polls its status every poll interval until it
    /// ends. Between polls, a few changes to barcodes the session does not carry go out directly.
    func follow(_ record: ShelfSessionRecord, items: [ShelfSessionItem]) async throws -> ShelfStep {
        var record = record
        let carried = Set(items.map(\.barcode))
        var completed = false
        var failures = 0
        while true {
            if !completed {
                let result = await client.complete(sessionId: record.sessionId)
                switch result {
                case .ok, .sessionGone(409, _):
                    completed = true
                case .retry(let retryAfter, _):
                    failures += 1
                    try await Task.sleep(for: backoff.delay(attempt: failures, retryAfter: retryAfter))
                    continue
                case .sessionGone(let status, let code):
                    try await finish(
                        &record, status == 410 ? .expired : .abandoned, message: "complete answered \(code)")
                    return .progress
                case .itemErrors, .refused:
                    try await finish(&record, .abandoned, message: "Retagly refused to complete it: \(result)")
                    return .failure(result)
                }
            }
            if let completedAt = record.completedAt,
                completedAt.age(at: outbox.now()) > configuration.sessionDeadline
            {
                try await finish(
                    &record, .abandoned,
                    message:
                        "still processing \(DurationText.format(configuration.sessionDeadline)) after it was completed")
                return .progress
            }
            try await Task.sleep(for: configuration.pollInterval)
            try await deliverBetweenPolls(excluding: carried)
            let result = await client.status(sessionId: record.sessionId)
            guard case .ok(let json) = result, let status = RetaglyAnswer.read(RetaglyAnswer.SessionStatus.self, json)
            else {
                switch result {
                case .ok:
                    failures += 1
                    try await Task.sleep(for: backoff.delay(attempt: failures, retryAfter: nil))
                    continue
                case .retry(let retryAfter, _):
                    failures += 1
                    try await Task.sleep(for: backoff.delay(attempt: failures, retryAfter: retryAfter))
                    continue
                case .sessionGone:
                    try await finish(&record, .abandoned, message: "Retagly no longer knows the session")
                    return .progress
                default:
                    try await finish(&record, .abandoned, message: "Retagly refused its status: \(result)")
                    return .failure(result)
                }
            }
            failures = 0
            await refreshMetrics()
            record.phase = status.phase
            record.tagsConfirmed = status.tagsConfirmed?.value ?? record.tagsConfirmed
            record.tagsTotal = status.tagsTotal?.value ?? record.tagsTotal
            switch status.status {
            case "completed":
                try await finalize(&record, items: items, status: status)
                return .progress
            case "failed":
                let message = status.message ?? "Retagly reported the session failed"
                try await finish(&record, .failed, message: message)
                return .progress
            case "expired":
                try await finish(&record, .expired, message: "Retagly reported the session expired")
                return .progress
            case "open":
                completed = false
            default:
                let snapshot = record
                try await database.write { connection in try connection.updateShelfSession(snapshot) }
            }
        }
    }

    /// Between polls: when fewer than the batch threshold of other products wait, send them
    /// directly (a POS price change does not wait for a session's verification); barcodes the
    /// session carries wait for it to end, so an older session value never lands after a newer one.
    func deliverBetweenPolls(excluding carried: Set<StoreBarcode>) async throws {
        let plan = try await makePlan(excluding: carried, limit: configuration.batchThreshold)
        try await record(plan)
        guard !plan.items.isEmpty, plan.items.count < configuration.batchThreshold, !plan.truncated else { return }
        _ = try await deliverDirect(plan.items)
    }

    /// A completed session: every product without an error is confirmed; refused ones are recorded.
    func finalize(
        _ record: inout ShelfSessionRecord, items: [ShelfSessionItem], status: RetaglyAnswer.SessionStatus
    ) async throws {
        var errors: [Int: String] = [:]
        for error in status.errors ?? [] { errors[error.index] = error.message }
        let refused = errors
        let now = outbox.now()
        record.status = .completed
        record.phase = nil
        record.finishedAt = now
        let final = record
        let keep = configuration.keptSessions
        let (delivered, held) = try await database.write { connection in
            var delivered = 0
            var held = 0
            let states = try connection.shelfProductStates(for: items.map(\.barcode))
            for item in items {
                if let message = refused[item.position] {
                    if item.asNew {
                        held += 1
                        try connection.recordShelfItemError(
                            item.barcode, message: "Retagly refused it in batch session \(final.sessionId): \(message)",
                            through: item.throughSeq, at: now)
                    } else {
                        try connection.setShelfKnown(item.barcode, false)
                    }
                    continue
                }
                let sent = ShelfFields(stored: item.sent)
                let before = states[item.barcode]?.delivered.map { ShelfFields(stored: $0) } ?? ShelfFields()
                let after = item.asNew ? sent : before.overlaid(with: sent)
                try connection.removeShelfChanges(item.barcode, through: item.throughSeq)
                try connection.recordShelfDelivery(
                    item.barcode, delivered: after.storedJSON.jsonText, through: item.throughSeq, at: now)
                delivered += 1
            }
            try connection.updateShelfSession(final)
            try connection.pruneShelfSessions(keep: keep)
            return (delivered, held)
        }
        metrics.delivered("batch", count: delivered)
        metrics.itemErrors(held)
        metrics.session("completed")
        metrics.tags(confirmed: record.tagsConfirmed ?? 0, total: record.tagsTotal ?? 0)
        logger.info(
            "shelf batch session completed",
            metadata: [
                "session": "\(record.sessionId)", "products": "\(delivered)", "refused": "\(refused.count)",
                "tags_confirmed": "\(record.tagsConfirmed ?? 0)", "tags_total": "\(record.tagsTotal ?? 0)",
            ])
    }
}
