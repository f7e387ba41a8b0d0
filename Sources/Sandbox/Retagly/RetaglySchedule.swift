import Core
import Foundation

/// When each phase of a completed batch session of `productCount` products begins and ends
/// (pure arithmetic on ``RetaglyTiming``).
struct RetaglySchedule: Sendable, Hashable {
    let completedAt: Date
    let productCount: Int
    /// Saving runs from `completedAt` to here; display sync starts here.
    let syncStart: Date
    /// Display sync ends and verification starts here.
    let verifyStart: Date
    let checkInterval: Double

    init(completedAt: Date, productCount: Int, timing: RetaglyTiming) {
        self.completedAt = completedAt
        self.productCount = productCount
        let saving = max(timing.minimumSaving.timeInterval, Double(productCount) * timing.savingPerProduct.timeInterval)
        let chunks = max(1, (productCount + timing.chunkSize - 1) / timing.chunkSize)
        self.syncStart = completedAt.addingTimeInterval(saving)
        self.verifyStart = syncStart.addingTimeInterval(Double(chunks) * timing.syncPerChunk.timeInterval)
        self.checkInterval = timing.checkInterval.timeInterval
    }

    /// The instant product `index` (0-based, in push order) is saved: evenly over the saving phase.
    func saveTime(of index: Int) -> Date {
        let saving = syncStart.timeIntervalSince(completedAt)
        return completedAt.addingTimeInterval(saving * Double(index + 1) / Double(productCount))
    }

    /// How many products are saved at `now`.
    func savedCount(at now: Date) -> Int {
        if now >= syncStart { return productCount }
        let elapsed = now.timeIntervalSince(completedAt)
        guard elapsed > 0 else { return 0 }
        var count = min(productCount, Int(Double(productCount) * elapsed / syncStart.timeIntervalSince(completedAt)))
        // Floating rounding must never save a product before its own save time, nor miss one due.
        while count > 0, saveTime(of: count - 1) > now { count -= 1 }
        while count < productCount, saveTime(of: count) <= now { count += 1 }
        return count
    }

    /// The instant of verification check `number` (1, 2, …).
    func checkTime(_ number: Int) -> Date {
        verifyStart.addingTimeInterval(checkInterval * Double(number))
    }

    /// Verification checks done at `now`.
    func checksDone(at now: Date) -> Int {
        guard now >= verifyStart else { return 0 }
        var count = Int(now.timeIntervalSince(verifyStart) / checkInterval)
        while count > 0, checkTime(count) > now { count -= 1 }
        while checkTime(count + 1) <= now { count += 1 }
        return count
    }

    /// Halfway through display sync: where an injected session failure strikes.
    var failureTime: Date {
        syncStart.addingTimeInterval(verifyStart.timeIntervalSince(syncStart) / 2)
    }

    /// Progress (30–80) of display sync at `now`, linear over the phase.
    func syncProgress(at now: Date) -> Int {
        let span = verifyStart.timeIntervalSince(syncStart)
        let done = min(1, max(0, now.timeIntervalSince(syncStart) / span))
        return 30 + Int(50 * done)
    }
}
