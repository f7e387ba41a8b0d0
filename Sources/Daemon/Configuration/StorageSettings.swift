/// `storage.*`: the state directory and cache lifetimes.
public struct StorageSettings: Sendable, Hashable {
    /// The SQLite database and the image store live here (absolute path).
    public var stateDirectory = "/var/lib/storesync"
    /// Cached metadata older than this is stale.
    public var metadataTTL: Duration = .seconds(86_400)
    /// A barcode upstream does not know stays known as unknown this long.
    public var negativeTTL: Duration = .seconds(7 * 86_400)

    public init() {}
}
