import Core

/// One key's effective value, for the `--check-config` printout and for comparing two
/// configurations on reload.
struct ConfigurationEntry: Sendable, Hashable {
    /// The dotted key.
    let key: String
    /// The value as YAML (`20m`, `[front]`, `"0660"`); empty when not set. A secret's is `"[redacted]"`.
    let text: String
    /// A comment: where a credential came from.
    let note: String?
    /// The secret itself, compared on reload and printed only when asked to reveal.
    let secret: Secret?
}

extension DaemonConfiguration {
    /// Every key of ``settings`` with its effective value, in that order.
    func entries() -> [ConfigurationEntry] {
        Self.settings.map {
            ConfigurationEntry(
                key: $0.name, text: ConfigurationYAML.written($0.yaml(self)), note: $0.note(self),
                secret: $0.secret(self))
        }
    }
}
