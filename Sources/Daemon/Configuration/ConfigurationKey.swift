/// One key of the configuration file, with what the example file and `--check-config` say about it.
///
/// ``ConfigurationKey/all`` is the single list of every key the daemon knows: the loader warns about
/// any other key in the file (a typo must not pass silently), the effective-configuration printout
/// follows its order, and a reload sorts changed keys by ``reloadable``.
public struct ConfigurationKey: Sendable, Hashable {
    /// The dotted name as the file nests it, e.g. `upstream.base_url`.
    public let name: String
    /// The default as the example file writes it (empty: not set).
    public let defaultText: String
    /// One line for the example file.
    public let summary: String
    /// Whether a SIGHUP applies a new value without a restart.
    public let reloadable: Bool
    /// Whether the value is a credential that is printed as `[redacted]`.
    public let isSecret: Bool
    /// Whether the value is a mapping of names the operator chooses (`metrics.labels: {store: …}`):
    /// the file's `key.NAME` entries are its items, not unknown keys.
    public let isMap: Bool

    init(
        _ name: String, _ defaultText: String, _ summary: String, reloadable: Bool = false, secret: Bool = false,
        map: Bool = false
    ) {
        self.name = name
        self.defaultText = defaultText
        self.summary = summary
        self.reloadable = reloadable
        self.isSecret = secret
        self.isMap = map
    }

    /// The environment variable that overrides this key: `STORESYNC_` and the key in capitals with
    /// every `.` as `_` (`upstream.base_url` → `STORESYNC_UPSTREAM_BASE_URL`).
    public var environmentName: String {
        ConfigurationKey.environmentPrefix
            + name.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }

    /// The section, e.g. `upstream`.
    public var section: String { String(name.prefix { $0 != "." }) }

    /// The key inside its section, e.g. `base_url`.
    public var leaf: String { String(name.drop { $0 != "." }.dropFirst()) }

    /// The prefix of every environment override.
    public static let environmentPrefix = "STORESYNC_"

    /// `STORESYNC_*` variables that are not configuration keys but are used by the CLI.
    public static let otherEnvironmentNames: Set<String> = ["STORESYNC_SOCKET", "STORESYNC_CONFIG"]

    /// Looks a key up by its dotted name.
    public static func named(_ name: String) -> ConfigurationKey? { byName[name] }

    /// Whether `name` (as a file's keys list it) is an item of a map key (`metrics.labels.store`).
    public static func isMapItem(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return named(String(name[..<dot]))?.isMap == true
    }

    private static let byName: [String: ConfigurationKey] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.name, $0) })
}
