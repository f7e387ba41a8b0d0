import Foundation
import Store
import Sync
import Synchronization

/// A ``SyncTrigger`` that records what the scheduler asked for.
final class RecordingTrigger: SyncTrigger {
    private struct State {
        var requests: [SyncRequest] = []
        var lastSuccess: Date?
        var next: Date?
        var publications = 0
    }

    private let state: Mutex<State>

    init(lastSuccess: Date?) { state = Mutex(State(lastSuccess: lastSuccess)) }

    func start(_ request: SyncRequest) async throws -> (run: SyncRun, joined: Bool) {
        let count = state.withLock { state in
            state.requests.append(request)
            return state.requests.count
        }
        return (SyncRun(id: Int64(count), mode: request.mode, state: .queued, createdAt: UnixMillis(0)), false)
    }

    func lastSuccessAt() async throws -> Date? { state.withLock { $0.lastSuccess } }

    func setNextScheduledRun(_ date: Date?) {
        state.withLock { state in
            state.next = date
            state.publications += 1
        }
    }

    var requests: [SyncRequest] { state.withLock { $0.requests } }
    var next: Date? { state.withLock { $0.next } }
    /// How many times the scheduler published its next run (`nil` included).
    var publications: Int { state.withLock { $0.publications } }
}
