import Foundation
import Store

/// What the scheduler needs of the sync engine (``SyncEngine`` conforms; tests pass a recorder).
public protocol SyncTrigger: Sendable {
    /// Starts a sync or joins the unfinished one.
    func start(_ request: SyncRequest) async throws -> (run: SyncRun, joined: Bool)
    /// When the last delta or full sync succeeded, if ever.
    func lastSuccessAt() async throws -> Date?
    /// Tells status when the schedule fires next.
    func setNextScheduledRun(_ date: Date?)
}

extension SyncEngine: SyncTrigger {}
