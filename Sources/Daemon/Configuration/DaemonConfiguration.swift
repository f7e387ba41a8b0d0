/// The whole configuration of `storesync serve`, one value type per section of the file. Its
/// initial values are the keys' defaults (the only place they are written); ``settings`` declares
/// each key, and ``ConfigurationLoader`` fills it from the file, the `STORESYNC_*` environment and
/// the credential sources.
public struct DaemonConfiguration: Sendable, Hashable {
    /// The file it was read from; `nil` when none existed (defaults and environment only).
    public var filePath: String?
    public var upstream = UpstreamSettings()
    public var storage = StorageSettings()
    public var listen = ListenSettings()
    public var lookup = LookupSettings()
    public var catalog = CatalogSettings()
    public var sync = SyncSettings()
    public var shelf = ShelfSettings()
    public var metrics = MetricsSettings()
    public var log = LogSettings()

    /// The default configuration file.
    public static let defaultPath = "/etc/storesync/storesync.yaml"

    public init() {}
}
