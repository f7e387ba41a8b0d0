import Core

extension DaemonConfiguration {
    /// The effective configuration as YAML, every key in the example file's order, for
    /// `storesync serve --check-config`. With `redacted` (the default) every secret prints as
    /// `[redacted]`; credentials carry a comment saying where they came from.
    public func effectiveConfigurationText(redacted: Bool = true) -> String {
        let title = "# storesync effective configuration" + (filePath.map { " (file \($0))" } ?? " (no file)")
        return Self.document(title: title) { setting in
            var value = setting.yaml(self)
            if !redacted, let secret = setting.secret(self) { value = ConfigurationYAML.quoted(secret.revealed) }
            var line = ConfigurationYAML.line(setting.leaf, value)
            if let note = setting.note(self) { line += "  # \(note)" }
            return [line]
        }
    }

    /// The example configuration file (`config/storesync.yaml`): every key set to its default, each
    /// under a comment that says what it does, what it allows and whether a reload applies it.
    public static var exampleFileText: String {
        let defaults = DaemonConfiguration()
        let header = """
            # storesync configuration: every key with its default.
            # Installed as /etc/storesync/storesync.yaml (mode 0640, root:storesync); `storesync serve --check-config`
            # validates it and prints the effective configuration with secrets redacted.
            # Every key can be overridden by an environment variable: STORESYNC_ + the key in capitals with
            # dots as underscores (upstream.base_url -> STORESYNC_UPSTREAM_BASE_URL). An empty value means the default.
            # Durations: 800ms, 30s, 20m, 24h, 7d (or sums such as 1h30m). Sizes: 10MiB, 512KiB, 1048576.
            # Credentials, first found wins: systemd credentials (LoadCredential= rd_client_id, rd_api_key,
            # retagly_token), then the *_file keys, then RD_CLIENT_ID / RD_API_KEY / RETAGLY_TOKEN, then the values here.
            # SIGHUP (systemctl reload storesync) applies the keys marked "reloadable"; any other change needs a restart.

            """
        return document(title: header, gap: true) { setting in
            let notes = [setting.hint, setting.reloadable ? "reloadable" : nil].compactMap { $0 }
            let comment = setting.summary + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))")
            return ["# " + comment, ConfigurationYAML.line(setting.leaf, setting.yaml(defaults))]
        }
    }

    /// `title`, then each section and the lines of its keys.
    private static func document(title: String, gap: Bool = false, _ lines: (Setting) -> [String]) -> String {
        var out = [title]
        var section = ""
        for setting in settings {
            if setting.section != section {
                if gap, section != "" { out.append("") }
                section = setting.section
                out.append("\(section):")
            }
            out += lines(setting).map { "  " + $0 }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
