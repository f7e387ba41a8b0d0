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

    /// The least number of seconds `pending` fetches (one counted request each) can take under the
    /// per-minute budget: what is left of the current window (`remaining`, until `secondsToReset`)
    /// goes at once, the rest at `limit` a minute, the last window counted to its start.
    ///
    /// `budget = 0` when `pending ≤ remaining`, else
    /// `secondsToReset + ⌈(pending − remaining) / limit − 1⌉ × 60` (and at least `secondsToReset`).
    /// A run's early burst (a fresh window lets it go fast) makes the observed rate alone promise
    /// far too soon an end; ``etaSeconds(done:pending:now:)`` and this bound together do not.
    static func budgetSeconds(pending: Int, remaining: Int, limit: Int, secondsToReset: Double) -> Int {
        guard pending > remaining, limit > 0 else { return 0 }
        let windowsAfterReset = (pending - remaining + limit - 1) / limit
        // The reset comes from an upstream header: never trust it to fit an Int.
        let toReset = secondsToReset.isFinite ? min(max(0, secondsToReset), 86_400) : 0
        return Int(toReset.rounded(.up)) + (windowsAfterReset - 1) * 60
    }
}
