/// The free-space rule of the state directory (pure): below `storage.min_free` nothing is bought,
/// and after a write failed for want of space (`ENOSPC`, `SQLITE_FULL`) buying waits until space
/// has grown by `recoveryMargin` since then, so a full disk is not paid for again and again.
public struct DiskSpaceFloor: Sendable, Hashable {
    /// The least free space a paid fetch needs (`storage.min_free`; 0 = only real failures count).
    public var minFree: Int64
    /// How much space must come back after a failed write before buying resumes.
    public var recoveryMargin: Int64

    public init(minFree: Int64, recoveryMargin: Int64 = 1 << 20) {
        self.minFree = max(0, minFree)
        self.recoveryMargin = max(0, recoveryMargin)
    }

    /// The free bytes a paid fetch needs, given the free bytes seen when a write last failed for
    /// want of space in this episode (`nil`: none did).
    public func required(freeAtFailure: Int64?) -> Int64 {
        guard let freeAtFailure else { return minFree }
        let (grown, overflow) = freeAtFailure.addingReportingOverflow(recoveryMargin)
        return max(minFree, overflow ? Int64.max : grown)
    }

    /// Whether a paid fetch may start with `free` bytes available. An unknown amount (`statvfs`
    /// failed) does not stop the store: the write itself then tells.
    public func allowsPaidFetch(free: Int64?, freeAtFailure: Int64? = nil) -> Bool {
        guard let free else { return true }
        return free >= required(freeAtFailure: freeAtFailure)
    }
}
