import Store
import Sync

/// The answer to `POST /v1/sync`: the run started (202) or joined (200), and its report.
public struct SyncStartAnswer: Codable, Sendable, Hashable {
    public var syncID: String
    public var state: SyncRunState
    public var joined: Bool
    public var sync: SyncRunReport?
}
