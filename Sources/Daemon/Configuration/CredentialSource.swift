/// Where a credential came from, for `--check-config` and the start-up log (never the value itself).
public enum CredentialSource: Sendable, Hashable, CustomStringConvertible {
    /// A systemd credential (`LoadCredential=`), by name, read from `$CREDENTIALS_DIRECTORY`.
    case systemdCredential(String)
    /// A file named by a `*_file` key.
    case file(path: String, key: String)
    /// An environment variable (`RD_CLIENT_ID`, `RD_API_KEY`, `RETAGLY_TOKEN`).
    case environment(String)
    /// A configuration value (the file or its `STORESYNC_*` override).
    case configuration(String)

    public var description: String {
        switch self {
        case .systemdCredential(let name): return "systemd credential \(name)"
        case .file(let path, let key): return "file \(path) (\(key))"
        case .environment(let name): return "environment \(name)"
        case .configuration(let key): return "configuration \(key)"
        }
    }
}
