import Core

/// One barcode queued for a sync run.
public struct SyncQueueItem: Sendable, Hashable {
    public var runID: Int64
    public var barcode: Barcode
    /// Higher goes first (the sync derives it from scan counts).
    public var priority: Int
    public var state: SyncQueueItemState
    public var attempts: Int
    /// The last failure, for a person (never holds a secret).
    public var lastError: String?

    public init(
        runID: Int64, barcode: Barcode, priority: Int, state: SyncQueueItemState, attempts: Int,
        lastError: String?
    ) {
        self.runID = runID
        self.barcode = barcode
        self.priority = priority
        self.state = state
        self.attempts = attempts
        self.lastError = lastError
    }
}
