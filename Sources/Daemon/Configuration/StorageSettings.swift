/// `storage.*`: the state directory, its free-space floor and cache lifetimes. Each key is described
/// in ``DaemonConfiguration/settings``; the values here are the defaults.
public struct StorageSettings: Sendable, Hashable {
    public var stateDirectory = "/var/lib/storesync"
    public var metadataTTL: Duration = .seconds(86_400)
    public var negativeTTL: Duration = .seconds(7 * 86_400)
    public var minFreeBytes = 64 << 20
    /// Zero means no cap.
    public var maxImageBytes = 0
}
