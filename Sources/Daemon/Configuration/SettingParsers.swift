import Foundation

/// Pure parsers of single configuration values; each returns `nil` for a value it does not accept.
enum SettingParsers {
    /// An absolute path without NUL bytes.
    static func absolutePath(_ text: String) -> String? {
        guard text.hasPrefix("/"), !text.contains("\0") else { return nil }
        return text
    }

    /// A Unix socket path: absolute and short enough for `sockaddr_un` (at most 107 bytes).
    static func socketPath(_ text: String) -> String? {
        guard let path = absolutePath(text), path.utf8.count < 108, !path.hasSuffix("/") else { return nil }
        return path
    }

    /// Socket permission bits. The digits are always octal, whether the YAML wrote a string (`"0660"`),
    /// an unquoted number (`0660`, `660`: YAML keeps the text as written) or `0o660`; at most `0777`.
    static func socketMode(_ text: String) -> UInt16? {
        var digits = Substring(text)
        if digits.lowercased().hasPrefix("0o") { digits = digits.dropFirst(2) }
        guard (3...4).contains(digits.count), digits.allSatisfy({ ("0"..."7").contains($0) }),
            let mode = UInt16(digits, radix: 8), mode <= 0o777
        else { return nil }
        return mode
    }

    /// An IANA time zone name that this system knows.
    static func timeZone(_ text: String) -> String? {
        guard TimeZone(identifier: text) != nil else { return nil }
        return text
    }
}
