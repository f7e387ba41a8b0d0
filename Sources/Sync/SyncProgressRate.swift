import Foundation

/// The fetch rate of a run observed in this process, for its ETA (pure).
struct SyncProgressRate: Sendable, Hashable {
    var runID: Int64
    /// When this process started fetching the run's queue.
    var startedAt: Date
    /// Items done at that moment.
    var doneAtStart: Int

    /// Seconds until `pending` items are done at the rate seen from `startedAt` to `now` with `done`
    /// items done; `nil` until at least one item was done here and some time passed.
    func etaSeconds(done: Int, pending: Int, now: Date) -> Int? {
        let elapsed = now.timeIntervalSince(startedAt)
        let progressed = done - doneAtStart
        guard pending > 0 else { return 0 }
        guard progressed > 0, elapsed > 0 else { return nil }
        return Int((Double(pending) * elapsed / Double(progressed)).rounded(.up))
    }
}
