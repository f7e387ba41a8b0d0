import Core

/// One key's effective value as text, in the file's notation (`20m`, `[front]`, `"0660"`), for the
/// `--check-config` printout and for comparing two configurations on reload.
struct ConfigurationEntry: Sendable, Hashable {
    /// The dotted key.
    let key: String
    /// The value as YAML; empty when not set. A secret's is `[redacted]`.
    let text: String
    /// A comment: where a credential came from.
    let note: String?
    /// The secret itself, compared on reload and printed only when asked to reveal.
    let secret: Secret?

    init(_ key: String, _ text: String, note: String? = nil, secret: Secret? = nil) {
        self.key = key
        self.text = text
        self.note = note
        self.secret = secret
    }
}
