import Core
import Synchronization

/// The paid answers this process lost after sending them (timeout or reset after the request went
/// out, a cut or garbled `200`): upstream most likely charged them. Credits are the charge the
/// answer's headers showed, else the pricing formula's estimate of the call. Feeds
/// `storesync_upstream_credits_lost_total` and `upstream.credits_lost` in status.
final class LostAnswerTally: Sendable {
    private struct Totals {
        var answers = 0
        var credits = Credits.zero
    }

    private let totals = Mutex(Totals())

    /// Counts one lost answer worth `credits`.
    func record(_ credits: Credits) {
        totals.withLock {
            $0.answers += 1
            $0.credits += credits
        }
    }

    /// Answers lost since the process started.
    var answers: Int { totals.withLock { $0.answers } }

    /// Credits those answers (most likely) cost.
    var credits: Credits { totals.withLock { $0.credits } }
}
