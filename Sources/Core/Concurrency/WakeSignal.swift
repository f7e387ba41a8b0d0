import Foundation
import Synchronization

/// A wake-up call for waiting loops (the sync engine, the scheduler, the shelf pusher):
/// ``signal()`` ends every current wait or, when nobody waits, the next one at once (signals do not
/// pile up: one pending signal at most).
public final class WakeSignal: Sendable {
    private struct State {
        var pending = false
        var waiters: [Int: CheckedContinuation<Bool, Never>] = [:]
        var nextID = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Wakes every waiter, or the next one.
    public func signal() {
        let waiters: [CheckedContinuation<Bool, Never>] = state.withLock { state in
            guard !state.waiters.isEmpty else {
                state.pending = true
                return []
            }
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume(returning: true) }
    }

    /// Returns when signalled (at once if a signal is pending) or when the task is cancelled;
    /// whether it was signalled.
    @discardableResult
    public func wait() async -> Bool {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let immediate: Bool? = state.withLock { state in
                    if state.pending {
                        state.pending = false
                        return true
                    }
                    if Task.isCancelled { return false }
                    state.waiters[id] = continuation
                    return nil
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume(returning: false)
        }
    }

    /// ``wait()``, ending at `deadline` at the latest; whether it was signalled.
    @discardableResult
    public func wait(until deadline: ContinuousClock.Instant) async -> Bool {
        await withDeadline(deadline) { await self.wait() } ?? false
    }

    /// ``wait()``, ending when `clock` reaches `instant` at the latest; whether it was signalled.
    @discardableResult
    public func wait(until instant: Date, on clock: WallClock) async -> Bool {
        await withDeadline(instant, on: clock) { await self.wait() } ?? false
    }
}
