import Core
import Foundation
import Store
import Synchronization

extension SyncEngine {
    /// The report of run `id`, or `nil` when there is no such run.
    public func report(_ id: Int64) async throws -> SyncRunReport? {
        let found = try await database.read { connection -> (SyncRun, SyncRunCursor?, SyncQueueCounts)? in
            guard let run = try connection.syncRun(id) else { return nil }
            return (run, try connection.syncRunCursor(id), try connection.syncQueueCounts(id))
        }
        guard let (run, cursor, counts) = found else { return nil }
        return makeReport(run, cursor: cursor, counts: counts)
    }

    /// `/v1/status`'s `sync` block: `{"running": {…} | null, "last": {…} | null, "last_success_at",
    /// "next_at", "watermark"}` (`running` is the unfinished run, paused included).
    public func statusBlock() async -> JSONValue {
        let read = try? await database.read { connection in
            let unfinished = try connection.unfinishedSyncRun()
            let details = try unfinished.map {
                ($0, try connection.syncRunCursor($0.id), try connection.syncQueueCounts($0.id))
            }
            return (
                details, try connection.lastFinishedSyncRun(), try connection.syncState(.lastSuccessAt),
                try connection.syncState(.watermark)
            )
        }
        let nextAt = state.withLock { $0.nextScheduledAt }
        let (details, last, lastSuccess, watermark) = read ?? (nil, nil, nil, nil)
        let running = details.map { makeReport($0.0, cursor: $0.1, counts: $0.2).json } ?? .null
        return .object([
            ("running", running),
            ("last", last.map { SyncRunReport(run: $0).json } ?? .null),
            ("last_success_at", lastSuccess.map(JSONValue.string) ?? .null),
            ("next_at", nextAt.map { .string(Timestamp.format($0)) } ?? .null),
            ("watermark", watermark.map(JSONValue.string) ?? .null),
        ])
    }

    private func makeReport(_ run: SyncRun, cursor: SyncRunCursor?, counts: SyncQueueCounts) -> SyncRunReport {
        var eta: Int?
        if run.state == .running, let rate = state.withLock({ $0.rate }), rate.runID == run.id {
            eta = rate.etaSeconds(done: counts.done, pending: counts.pending, now: clock.now())
        }
        return SyncRunReport(run: run, resumeAt: cursor?.resumeAt?.date, etaSeconds: eta)
    }
}
