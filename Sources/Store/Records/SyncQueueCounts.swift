/// How many items of a run's queue are in each state.
public struct SyncQueueCounts: Sendable, Hashable {
    public var pending: Int
    public var done: Int
    public var failed: Int
    public var failedPermanent: Int

    public init(pending: Int = 0, done: Int = 0, failed: Int = 0, failedPermanent: Int = 0) {
        self.pending = pending
        self.done = done
        self.failed = failed
        self.failedPermanent = failedPermanent
    }

    /// Every queued item.
    public var total: Int { pending + done + failed + failedPermanent }

    /// Whether the run may record its watermark: nothing left but permanent failures.
    public var allowsWatermark: Bool { pending == 0 && failed == 0 }
}
