import Foundation
import Yams

/// Writes configuration values as YAML with Yams, so what is printed reads back as the same value.
enum ConfigurationYAML {
    /// A number, a duration, a size or a boolean, written as is.
    static func plain(_ text: String) -> Node { Node(text, .implicit, .plain) }

    /// A double-quoted string.
    static func quoted(_ text: String) -> Node { Node(text, Tag(.str), .doubleQuoted) }

    /// A plain scalar when it is simple and YAML reads it back as the same text (not `off`, `null`
    /// or `0660`), otherwise a quoted one.
    static func text(_ text: String) -> Node {
        let simple =
            !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._/-".contains($0)) }
        return simple && Node(text).tag == Tag(.str) ? Node(text, Tag(.str), .plain) : quoted(text)
    }

    /// A flow list `[a, b]`.
    static func list(_ items: [String]) -> Node { Node(items.map(text), .implicit, .flow) }

    /// `key: value`, or `key:` without a value.
    static func line(_ key: String, _ value: Node?) -> String {
        let text = written(value)
        return key + ":" + (text.isEmpty ? "" : " " + text)
    }

    /// A value as it follows `key: ` on its line; empty when there is none.
    static func written(_ value: Node?) -> String {
        guard let value else { return "" }
        do {
            let line = try Yams.serialize(node: Node([(Node("v"), value)]), width: -1, allowUnicode: true)
            return String(line.dropFirst(3)).trimmingCharacters(in: ["\n"])
        } catch {
            preconditionFailure("Yams cannot write a configuration value: \(error)")
        }
    }
}
