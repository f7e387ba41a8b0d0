import Core
import Logging
import Metrics
import Store
import Synchronization

/// Watches the free space of the state directory for the fetcher: before each paid fetch it asks
/// `statvfs` and `DiskSpaceFloor`; a write that failed for want of space starts an episode too.
/// The log says "disk full" once per episode (and when it ends), with what to do; the gauges
/// `storesync_state_free_bytes` and `storesync_state_min_free_bytes` and the counter
/// `storesync_disk_full_episodes_total` show it on `/metrics`.
public final class DiskSpaceGuard: Sendable {
    /// The state directory whose file system is watched.
    public let directory: String
    /// The rule applied.
    public let floor: DiskSpaceFloor
    private let logger: Logger
    private let factory: any MetricsFactory
    private let episode = Mutex<Episode>(Episode())

    /// The state of the current episode.
    private struct Episode {
        var short = false
        var freeAtFailure: Int64?
    }

    public init(directory: String, floor: DiskSpaceFloor, logger: Logger, metrics: any MetricsFactory) {
        self.directory = directory
        self.floor = floor
        self.logger = logger
        self.factory = metrics
    }

    /// Whether the state directory is short of space right now (as last seen).
    public var isShort: Bool { episode.withLock { $0.short } }

    /// Free bytes now (`nil`: unknown), recorded on the gauges.
    @discardableResult
    public func freeBytes() -> Int64? {
        let free = FreeSpace.available(at: directory)
        Gauge(label: "storesync_state_free_bytes", factory: factory).record(free ?? -1)
        Gauge(label: "storesync_state_min_free_bytes", factory: factory).record(floor.minFree)
        return free
    }

    /// Whether a paid fetch may start now; ends or starts an episode as the space says.
    public func allowsPaidFetch() -> Bool {
        let free = freeBytes()
        let (allowed, changed) = episode.withLock { state -> (Bool, Bool) in
            let allowed = floor.allowsPaidFetch(free: free, freeAtFailure: state.freeAtFailure)
            let changed = state.short == allowed
            state.short = !allowed
            if allowed { state.freeAtFailure = nil }
            return (allowed, changed)
        }
        if changed { logChange(short: !allowed, free: free, cause: "free space is below storage.min_free") }
        return allowed
    }

    /// A write in the state directory failed for want of space: nothing is bought until space grows.
    public func reportFull(_ error: any Error) {
        let free = freeBytes()
        let changed = episode.withLock { state -> Bool in
            let changed = !state.short
            state.short = true
            state.freeAtFailure = free ?? 0
            return changed
        }
        if changed { logChange(short: true, free: free, cause: "\(error)") }
    }

    /// The `storage` block of the status document.
    public func status() -> StorageStatus {
        let short = !allowsPaidFetch()
        return StorageStatus(
            stateDir: directory, freeBytes: FreeSpace.available(at: directory), minFreeBytes: floor.minFree,
            diskFull: short)
    }

    private func logChange(short: Bool, free: Int64?, cause: String) {
        let metadata: Logger.Metadata = [
            "state_dir": "\(directory)", "free_bytes": "\(free.map(String.init) ?? "unknown")",
            "min_free_bytes": "\(floor.minFree)",
        ]
        guard short else {
            logger.notice("disk space is back; buying products resumes", metadata: metadata)
            return
        }
        Counter(label: "storesync_disk_full_episodes_total", factory: factory).increment()
        var details = metadata
        details["cause"] = "\(cause)"
        logger.error(
            """
            disk full: nothing is bought and the sync pauses (reason disk_full) until space returns; \
            lookups answer from what is stored. Free space under the state directory or grow its \
            file system (or lower storage.min_free); the sync resumes by itself
            """,
            metadata: details)
    }
}
