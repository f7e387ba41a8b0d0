/// `storage.*`: the state directory, its free-space floor and cache lifetimes.
public struct StorageSettings: Sendable, Hashable {
    /// The SQLite database and the image store live here (absolute path).
    public var stateDirectory = "/var/lib/storesync"
    /// Cached metadata older than this is stale.
    public var metadataTTL: Duration = .seconds(86_400)
    /// A barcode upstream does not know stays known as unknown this long.
    public var negativeTTL: Duration = .seconds(7 * 86_400)
    /// Below this much free space in the state directory nothing is bought (a sync pauses with
    /// `disk_full`, a scan-time miss answers 503 `disk_full`).
    public var minFreeBytes = 64 << 20
    /// A cap on the bytes of stored images (`0`: none): over it the least recently scanned images
    /// are evicted, and bought again only when their product is scanned.
    public var maxImageBytes = 0

    public init() {}
}
