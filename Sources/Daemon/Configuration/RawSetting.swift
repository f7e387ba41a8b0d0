import Core

/// A configuration value as given, before it is checked: one text, or a list (a YAML sequence).
struct RawSetting: Sendable, Hashable {
    /// The value's shape.
    enum Shape: Sendable, Hashable {
        case scalar(String)
        case list([String])

        /// The value as list items: a YAML sequence, or one text of comma-separated items (as the
        /// environment gives a list), optionally in `[ ]`.
        var items: [String] {
            switch self {
            case .scalar(let text):
                var text = Substring(text.trimmingSpaces)
                if text.hasPrefix("["), text.hasSuffix("]"), text.count >= 2 { text = text.dropFirst().dropLast() }
                return text.split(separator: ",").map { $0.trimmingSpaces }
            case .list(let list):
                return list.map { $0.trimmingSpaces }
            }
        }
    }

    var shape: Shape
    /// `file /etc/storesync/storesync.yaml` or `environment STORESYNC_SYNC_AT`.
    var origin: String

    /// The value as written, for messages: a list as `[a, b]`.
    var text: String {
        switch shape {
        case .scalar(let text): return text
        case .list(let items): return "[" + items.joined(separator: ", ") + "]"
        }
    }

    /// Whether the value means "not set" (empty, or YAML's `~` / `null`), so the default applies.
    var isUnset: Bool {
        switch shape {
        case .scalar(let text): return ["", "~", "null", "Null", "NULL"].contains(text.trimmingSpaces)
        case .list: return false
        }
    }
}
