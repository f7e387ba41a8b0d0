import Foundation

extension RetaglySession {
    /// The status answer at `now` (call after the store settled to `now`).
    func status(at now: Date, timing: RetaglyTiming) -> RetaglyBatchStatus {
        var answer = RetaglyBatchStatus(
            sessionId: id, status: .open, phase: nil, progress: 0, productsTotal: received.count,
            productsSaved: productsSaved, tagsTotal: tagsTotal, tagsConfirmed: 0, errors: errors)
        guard let schedule else {
            if isExpired(at: now) { answer.status = .expired }
            return answer
        }
        answer.status = .processing
        if fails, now >= schedule.failureTime {
            answer.status = .failed
            answer.progress = schedule.syncProgress(at: schedule.failureTime)
            answer.message =
                "display sync failed; the products were saved but their displays may not show "
                + "them: start a new session and send them again"
            return answer
        }
        if now < schedule.syncStart {
            answer.phase = .saving
            answer.progress = received.isEmpty ? 0 : 30 * processed / received.count
            return answer
        }
        if now < schedule.verifyStart {
            answer.phase = .syncing
            answer.progress = schedule.syncProgress(at: now)
            return answer
        }
        let checks = schedule.checksDone(at: now)
        answer.tagsConfirmed = (confirmChecks ?? []).reduce(0) { count, check in
            check.map { $0 <= checks } == true ? count + 1 : count
        }
        if checks >= lastCheck(timing: timing) {
            answer.status = .completed
            answer.progress = 100
            return answer
        }
        answer.phase = .verifying
        answer.progress = tagsTotal == 0 ? 80 : min(99, 80 + 20 * answer.tagsConfirmed / tagsTotal)
        return answer
    }
}
