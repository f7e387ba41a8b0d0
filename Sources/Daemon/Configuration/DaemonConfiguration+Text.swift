import Core

extension DaemonConfiguration {
    /// The effective configuration as YAML, every key in the example file's order, for
    /// `storesync serve --check-config`. With `redacted` (the default) every secret prints as
    /// `[redacted]`; credentials carry a comment saying where they came from.
    public func effectiveConfigurationText(redacted: Bool = true) -> String {
        var lines = ["# storesync effective configuration" + (filePath.map { " (file \($0))" } ?? " (no file)")]
        var section = ""
        for entry in entries() {
            guard let key = ConfigurationKey.named(entry.key) else { continue }
            if key.section != section {
                section = key.section
                lines.append("\(section):")
            }
            var value = entry.text
            if !redacted, let secret = entry.secret { value = ConfigurationText.quoted(secret.revealed) }
            var line = "  \(key.leaf):" + (value.isEmpty ? "" : " \(value)")
            if let note = entry.note { line += "  # \(note)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
