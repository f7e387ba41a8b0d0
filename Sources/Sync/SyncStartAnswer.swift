import Store

/// The answer to `POST /v1/sync`: the run started (202) or joined (200), and its report.
public struct SyncStartAnswer: Codable, Sendable, Hashable {
    public var syncID: String
    public var state: SyncRunState
    public var joined: Bool
    public var sync: SyncRunReport?

    public init(syncID: String, state: SyncRunState, joined: Bool, sync: SyncRunReport?) {
        self.syncID = syncID
        self.state = state
        self.joined = joined
        self.sync = sync
    }
}
