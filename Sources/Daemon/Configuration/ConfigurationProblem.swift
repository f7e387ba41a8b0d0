/// One bad value (or an unusable file) found while loading the configuration: the key, the value as
/// given, where it came from and what is allowed. A secret's value is never kept here.
public struct ConfigurationProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The dotted key (`sync.at`), or the file / credential the problem is about.
    public var key: String
    /// The value as written; `nil` when there is none or it is a secret.
    public var value: String?
    /// Where the value came from: `file /etc/storesync/storesync.yaml`, `environment STORESYNC_SYNC_AT`, …
    public var origin: String?
    /// What is allowed, or what to do.
    public var allowed: String

    public init(key: String, value: String?, origin: String?, allowed: String) {
        self.key = key
        self.value = value
        self.origin = origin
        self.allowed = allowed
    }

    /// `sync.at = "25:00" (environment STORESYNC_SYNC_AT): expected a time HH:MM from 00:00 to 23:59`
    public var description: String {
        var text = key
        if let value { text += " = " + ConfigurationYAML.written(ConfigurationYAML.quoted(value)) }
        if let origin { text += " (\(origin))" }
        return text + ": " + allowed
    }
}
