import Core
import Foundation
import Synchronization

/// A wall clock that stands still until a test moves it: sleepers wake when it passes their instant.
public final class ManualClock: Sendable {
    private struct State {
        var now: Date
        var sleepers: [Int: (until: Date, continuation: CheckedContinuation<Void, any Error>)] = [:]
        var cancelled: Set<Int> = []
        var nextID = 0
    }

    private let state: Mutex<State>

    public init(_ start: Date = Date()) { state = Mutex(State(now: start)) }

    public var now: Date { state.withLock { $0.now } }

    /// How many sleepers wait now.
    public var sleepers: Int { state.withLock { $0.sleepers.count } }

    /// The earliest instant a sleeper waits for.
    public var nextWake: Date? { state.withLock { $0.sleepers.values.map(\.until).min() } }

    /// Moves the clock forward by `duration` and wakes every sleeper it passes.
    public func advance(by duration: Duration) { advance(by: duration.timeInterval) }

    /// Moves the clock forward and wakes every sleeper it passes.
    public func advance(by seconds: TimeInterval) {
        let woken: [CheckedContinuation<Void, any Error>] = state.withLock { state in
            state.now = state.now.addingTimeInterval(seconds)
            let due = state.sleepers.filter { $0.value.until <= state.now }
            for id in due.keys { state.sleepers[id] = nil }
            return due.values.map(\.continuation)
        }
        for continuation in woken { continuation.resume() }
    }

    /// Returns once the clock reaches `instant`; throws `CancellationError` when cancelled first.
    public func sleep(until instant: Date) async throws {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, any Error>? = state.withLock { state in
                    if state.cancelled.remove(id) != nil { return .failure(CancellationError()) }
                    if instant <= state.now { return .success(()) }
                    state.sleepers[id] = (instant, continuation)
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let continuation = state.withLock { state in
                guard let entry = state.sleepers.removeValue(forKey: id) else {
                    state.cancelled.insert(id)
                    return CheckedContinuation<Void, any Error>?.none
                }
                return entry.continuation
            }
            continuation?.resume(throwing: CancellationError())
        }
    }

    /// The clock as the daemon and its parts take it.
    public var wallClock: WallClock {
        WallClock(now: { self.now }, sleepUntil: { try await self.sleep(until: $0) })
    }
}
