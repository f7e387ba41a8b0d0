import Foundation

/// A daemon configuration file for tests that run `storesync serve` as a child process: dotted keys
/// (`upstream.base_url`) with YAML scalar values, written as the nested YAML the daemon reads.
public struct ServeConfiguration: Sendable {
    /// Dotted key → YAML scalar (quote strings that YAML would read otherwise, e.g. `"0660"`).
    public var values: [String: String]

    /// A daemon on `directory`'s paths (state, socket, catalog) against `sandboxURL` (Retail
    /// Digitals under the sandbox), with the nightly schedule off and logs at `info`. Upstream calls
    /// and a scan's live fetch get timeouts a loaded machine never races (tests of them set their own).
    public init(directory: String, retailDigitalsURL: String) {
        values = [
            "upstream.base_url": retailDigitalsURL,
            "upstream.request_timeout": "30s",
            "lookup.live_timeout": "20s",
            "storage.state_dir": directory + "/state",
            "listen.socket": directory + "/lookup.sock",
            "catalog.path": directory + "/catalog.csv",
            "sync.enabled": "false",
            "log.level": "info",
        ]
    }

    /// The lookup socket's path.
    public var socketPath: String { values["listen.socket"] ?? "" }

    /// The state directory.
    public var stateDirectory: String { values["storage.state_dir"] ?? "" }

    /// Sets `key` to `value`.
    public subscript(key: String) -> String? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// The YAML text.
    public var yaml: String {
        var sections: [String: [(String, String)]] = [:]
        for (key, value) in values {
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            sections[parts[0], default: []].append((parts.count > 1 ? parts[1] : "", value))
        }
        var text = ""
        for section in sections.keys.sorted() {
            text += "\(section):\n"
            for (key, value) in sections[section]!.sorted(by: { $0.0 < $1.0 }) { text += "  \(key): \(value)\n" }
        }
        return text
    }

    /// Writes the file (mode 0600) and returns its path.
    @discardableResult
    public func write(to path: String) throws -> String {
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)
        return path
    }
}
