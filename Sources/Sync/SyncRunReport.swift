import Core
import Foundation
import Store

/// A sync run as the socket shows it (`GET /v1/sync/{id}`, status' `running` and `last`).
public struct SyncRunReport: Sendable, Hashable {
    public var run: SyncRun
    /// When a paused run resumes by itself.
    public var resumeAt: Date?
    /// Seconds until a running run is done, at the rate observed so far (`nil` until known).
    public var etaSeconds: Int?

    public init(run: SyncRun, resumeAt: Date? = nil, etaSeconds: Int? = nil) {
        self.run = run
        self.resumeAt = resumeAt
        self.etaSeconds = etaSeconds
    }

    /// `sync_id` as the socket writes it.
    public var syncID: String { String(run.id) }

    /// `{"sync_id", "mode", "state", "reason", "total", "done", "failed_items", "credits_spent",
    /// "started_at", "finished_at"}`, plus `resume_at` when paused and `eta_seconds` while running.
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("sync_id", .string(syncID)),
            ("mode", .string(run.mode.rawValue)),
            ("state", .string(run.state.rawValue)),
            ("reason", run.reason.map(JSONValue.string) ?? .null),
            ("total", .int(run.total)),
            ("done", .int(run.done)),
            ("failed_items", .int(run.failedItems)),
            ("credits_spent", .credits(run.creditsSpent)),
            ("started_at", Self.time(run.startedAt)),
            ("finished_at", Self.time(run.finishedAt)),
        ]
        if run.state == .paused {
            members.append(("resume_at", resumeAt.map { .string(Timestamp.format($0)) } ?? .null))
        }
        if run.state == .running { members.append(("eta_seconds", etaSeconds.map(JSONValue.int) ?? .null)) }
        return .object(members)
    }

    private static func time(_ instant: UnixMillis?) -> JSONValue {
        instant.map { .string($0.description) } ?? .null
    }
}
