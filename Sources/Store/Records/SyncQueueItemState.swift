/// Where one barcode of a sync run's queue is.
public enum SyncQueueItemState: String, Sendable, Hashable, CaseIterable {
    case pending
    case done
    /// Failed for a reason that may pass (5xx, timeout); retried by a later pass or resume.
    case failed
    /// Failed for good (upstream `404`); does not hold back the watermark.
    case failedPermanent = "failed_permanent"
}
