import Foundation

/// The result of `operation`, or `nil` if `deadline` (on the continuous clock) comes first. The
/// operation is then cancelled, and awaited: work it must keep going after the deadline (a paid
/// upstream call) belongs in a task of its own that the operation only waits on.
public func withDeadline<T: Sendable>(
    _ deadline: ContinuousClock.Instant, _ operation: @escaping @Sendable () async -> T
) async -> T? {
    await race(operation) { try? await Task.sleep(until: deadline, clock: .continuous) }
}

/// The result of `operation`, or `nil` if `clock` reaches `instant` first (the operation is then
/// cancelled and awaited).
public func withDeadline<T: Sendable>(
    _ instant: Date, on clock: WallClock, _ operation: @escaping @Sendable () async -> T
) async -> T? {
    await race(operation) { try? await clock.sleepUntil(instant) }
}

/// The operation's result if it ends before `timer` does, else `nil`; the loser is cancelled.
private func race<T: Sendable>(
    _ operation: @escaping @Sendable () async -> T, timer: @escaping @Sendable () async -> Void
) async -> T? {
    await withTaskGroup(of: T?.self) { group in
        group.addTask { await operation() }
        group.addTask {
            await timer()
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}
