import Core
import Yams

/// One key of the configuration file, declared once in ``DaemonConfiguration/settings``: its name,
/// where its value lives in ``DaemonConfiguration`` (whose initial value is the key's default), how it
/// is read and checked, how it prints, and whether a SIGHUP applies it.
///
/// The loader warns about any other key in the file or the environment (a typo must not pass
/// silently), problems and the effective configuration follow the table's order, the example file is
/// written from it, and a reload applies exactly the keys that have ``copy``.
public struct Setting: Sendable {
    /// The dotted name as the file nests it, e.g. `upstream.base_url`.
    public let name: String
    /// What it does, for the example file.
    public let summary: String
    /// What it allows, short, for the example file (`50ms to 30s`).
    let hint: String?
    /// Whether the value is a credential that prints as `[redacted]`.
    public let isSecret: Bool
    /// Reads the key from `reader` into the configuration; a bad value is recorded and the default stays.
    let read: @Sendable (inout DaemonConfiguration, inout SettingReader) -> Void
    /// The value as YAML; `nil` when not set.
    let yaml: @Sendable (DaemonConfiguration) -> Node?
    /// A comment after the value in `--check-config`, e.g. where a credential came from.
    let note: @Sendable (DaemonConfiguration) -> String?
    /// The secret itself, compared on reload and printed only when asked to reveal.
    let secret: @Sendable (DaemonConfiguration) -> Secret?
    /// Sets the key in the first configuration to its value in the second; only for keys a SIGHUP applies.
    let copy: (@Sendable (inout DaemonConfiguration, DaemonConfiguration) -> Void)?
    /// Whether the value is a mapping of names the operator chooses (`metrics.labels: {store: …}`):
    /// the file's `key.NAME` entries are its items, not unknown keys.
    var isMap = false

    /// Whether a SIGHUP applies a new value without a restart.
    public var reloadable: Bool { copy != nil }

    /// The environment variable that overrides this key: `STORESYNC_` and the key in capitals with
    /// every `.` as `_` (`upstream.base_url` → `STORESYNC_UPSTREAM_BASE_URL`).
    public var environmentName: String {
        Setting.environmentPrefix + name.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
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
    public static func named(_ name: String) -> Setting? { byName[name] }

    /// Whether `name` (as a file's keys list it) is an item of a map key (`metrics.labels.store`).
    static func isMapItem(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return named(String(name[..<dot]))?.isMap == true
    }

    private static let byName = Dictionary(uniqueKeysWithValues: DaemonConfiguration.settings.map { ($0.name, $0) })
}

extension Setting {
    /// A key read in `notation` into `path`; `note` comments its value in `--check-config`, and a
    /// key with a `secret` never shows its value in a problem.
    static func value<Value>(
        _ name: String, _ path: any WritableKeyPath<DaemonConfiguration, Value> & Sendable,
        _ notation: SettingNotation<Value>, _ summary: String, reloadable: Bool = false,
        note: @escaping @Sendable (DaemonConfiguration) -> String? = { _ in nil },
        secret: (@Sendable (DaemonConfiguration) -> Secret?)? = nil
    ) -> Setting {
        var copy: (@Sendable (inout DaemonConfiguration, DaemonConfiguration) -> Void)?
        if reloadable { copy = { target, source in target[keyPath: path] = source[keyPath: path] } }
        return Setting(
            name: name, summary: summary, hint: notation.hint, isSecret: secret != nil,
            read: { configuration, reader in
                if let value = reader.read(name, notation) { configuration[keyPath: path] = value }
            },
            yaml: { notation.yaml($0[keyPath: path]) }, note: note, secret: secret ?? { _ in nil }, copy: copy)
    }

    /// A key that may be unset (`nil`, its default, printed empty), read in `notation` into `path`.
    static func optional<Value>(
        _ name: String, _ path: any WritableKeyPath<DaemonConfiguration, Value?> & Sendable,
        _ notation: SettingNotation<Value>, _ summary: String, reloadable: Bool = false,
        note: @escaping @Sendable (DaemonConfiguration) -> String? = { _ in nil }
    ) -> Setting {
        value(name, path, notation.optional, summary, reloadable: reloadable, note: note)
    }

    /// The client id: resolved by ``CredentialResolver`` (a systemd credential, a file, the environment,
    /// then this key) and printed with where it came from.
    static func credential(
        _ name: String, _ path: any KeyPath<DaemonConfiguration, String?> & Sendable,
        source: any KeyPath<DaemonConfiguration, CredentialSource?> & Sendable, _ summary: String
    ) -> Setting {
        Setting(
            name: name, summary: summary, hint: nil, isSecret: false, read: { _, _ in },
            yaml: { $0[keyPath: path].map(ConfigurationYAML.text) }, note: { $0[keyPath: source]?.description },
            secret: { _ in nil }, copy: nil)
    }

    /// A secret credential, resolved like the client id; it prints as `[redacted]`.
    static func secret(
        _ name: String, _ path: any KeyPath<DaemonConfiguration, Secret?> & Sendable,
        source: any KeyPath<DaemonConfiguration, CredentialSource?> & Sendable, _ summary: String
    ) -> Setting {
        Setting(
            name: name, summary: summary, hint: nil, isSecret: true, read: { _, _ in },
            yaml: { $0[keyPath: path].map { _ in ConfigurationYAML.quoted(Secret.redactedText) } },
            note: { $0[keyPath: source]?.description }, secret: { $0[keyPath: path] }, copy: nil)
    }
}
