/// Writes values the way the YAML file does, so the printed effective configuration reads back.
enum ConfigurationText {
    /// A double-quoted YAML (and JSON) string.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A plain scalar when YAML reads it back as the same text, otherwise a quoted one.
    static func scalar(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._/-".contains($0)) }
        let ambiguous = ["true", "false", "yes", "no", "on", "off", "null", "~", ""].contains(text.lowercased())
        return plain && !ambiguous ? text : quoted(text)
    }

    /// A flow list `[a, b]`.
    static func list(_ items: [String]) -> String { "[" + items.map(scalar).joined(separator: ", ") + "]" }
}
