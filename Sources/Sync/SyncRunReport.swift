import Core
import Foundation
import Store

/// A sync run as the socket shows it (`GET /v1/sync/{id}`, status' `running` and `last`), and as
/// `storesync resync --wait` and `storesync status` read it back.
public struct SyncRunReport: Codable, Sendable, Hashable {
    public var syncID: String
    public var mode: SyncMode
    public var state: SyncRunState
    public var reason: String?
    public var total: Int
    public var done: Int
    public var failedItems: Int
    public var creditsSpent: Credits
    public var startedAt: UnixMillis?
    public var finishedAt: UnixMillis?
    /// When a paused run resumes by itself: only in a paused run's report (`null` when unknown).
    public var resumeAt: Date??
    /// Seconds until a running run is done, at the rate observed so far: only in a running run's
    /// report (`null` until known).
    public var etaSeconds: Int??

    public init(run: SyncRun, resumeAt: Date? = nil, etaSeconds: Int? = nil) {
        syncID = String(run.id)
        mode = run.mode
        state = run.state
        reason = run.reason
        total = run.total
        done = run.done
        failedItems = run.failedItems
        creditsSpent = run.creditsSpent
        startedAt = run.startedAt
        finishedAt = run.finishedAt
        self.resumeAt = run.state == .paused ? .some(resumeAt) : nil
        self.etaSeconds = run.state == .running ? .some(etaSeconds) : nil
    }
}
