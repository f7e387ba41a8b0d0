import Synchronization

/// A value produced once and awaited by any number of callers: the single flight of a product
/// fetch, of a token renewal, of the socket's readiness. A waiter that is cancelled, or whose
/// deadline passes, stops waiting at once (it gets `nil`) without affecting the others or the
/// producer.
public final class SharedValue<Value: Sendable>: Sendable {
    private struct Waiting {
        var continuations: [Int: CheckedContinuation<Value?, Never>] = [:]
        var cancelled: Set<Int> = []
        var nextID = 0
    }

    private enum State {
        case pending(Waiting)
        case done(Value)
    }

    private let state = Mutex(State.pending(Waiting()))

    public init() {}

    /// Hands `value` to every waiter, present and future. Only the first call counts.
    public func fulfil(_ value: Value) {
        let waiters: [CheckedContinuation<Value?, Never>] = state.withLock { state in
            guard case .pending(let waiting) = state else { return [] }
            state = .done(value)
            return Array(waiting.continuations.values)
        }
        for waiter in waiters { waiter.resume(returning: value) }
    }

    /// The value if it is there already.
    public var current: Value? {
        state.withLock { state in
            if case .done(let value) = state { return value }
            return nil
        }
    }

    /// The value, once fulfilled; `nil` if the waiting task is cancelled first.
    public func wait() async -> Value? {
        let id: Int? = state.withLock { state in
            guard case .pending(var waiting) = state else { return nil }
            let id = waiting.nextID
            waiting.nextID += 1
            state = .pending(waiting)
            return id
        }
        guard let id else { return current }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Value?, Never>) in
                let immediate: Value?? = state.withLock { state in
                    switch state {
                    case .done(let value): return .some(value)
                    case .pending(var waiting):
                        if waiting.cancelled.remove(id) != nil {
                            state = .pending(waiting)
                            return .some(nil)
                        }
                        waiting.continuations[id] = continuation
                        state = .pending(waiting)
                        return .none
                    }
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let continuation: CheckedContinuation<Value?, Never>? = state.withLock { state in
                guard case .pending(var waiting) = state else { return nil }
                let found = waiting.continuations.removeValue(forKey: id)
                if found == nil { waiting.cancelled.insert(id) }
                state = .pending(waiting)
                return found
            }
            continuation?.resume(returning: nil)
        }
    }

    /// The value, or `nil` when `deadline` passes or the task is cancelled first. A value that
    /// arrives as the deadline passes is still returned: whoever waited for it gets it.
    public func wait(until deadline: ContinuousClock.Instant) async -> Value? {
        if let value = current { return value }
        let first = await withDeadline(deadline) { await self.wait() } ?? nil
        return first ?? current
    }
}
