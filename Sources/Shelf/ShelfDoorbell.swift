import Synchronization

/// Wakes the pusher when the outbox gets new changes: ``ring()`` never blocks, ``wait(upTo:)``
/// returns at the next ring (or at once if one came since the last wait), at the timeout, or when
/// the task is cancelled.
final class ShelfDoorbell: Sendable {
    private struct State {
        var rung = false
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextID = 0
    }

    private let state = Mutex(State())

    init() {}

    /// Signals new work.
    func ring() {
        let waiters = state.withLock { state in
            let waiters = state.waiters
            state.waiters = [:]
            state.rung = waiters.isEmpty
            return waiters
        }
        for waiter in waiters.values { waiter.resume() }
    }

    /// Waits for a ring for at most `timeout`; returns whether it rang.
    @discardableResult
    func wait(upTo timeout: Duration) async -> Bool {
        if state.withLock({ state in
            defer { state.rung = false }; return state.rung
        }) {
            return true
        }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask { await self.waitForRing() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    /// Suspends until ``ring()`` or cancellation; `true` when rung.
    private func waitForRing() async -> Bool {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if state.rung {
                        state.rung = false
                        return true
                    }
                    if Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
        return !Task.isCancelled
    }
}
