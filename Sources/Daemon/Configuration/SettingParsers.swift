import Core
import Foundation
import Logging

/// Pure parsers of single configuration values; each returns `nil` for a value it does not accept.
enum SettingParsers {
    /// `true/false`, `yes/no`, `on/off`, `1/0`, any case.
    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: return nil
        }
    }

    /// A duration (`800ms`, `20m`, `24h`, `7d`, `1h30m`) within `range`.
    static func duration(_ text: String, in range: ClosedRange<Duration>) -> Duration? {
        guard let duration = DurationText.parse(text), range.contains(duration) else { return nil }
        return duration
    }

    /// A whole number within `range`.
    static func integer(_ text: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = Int(text), range.contains(value) else { return nil }
        return value
    }

    /// A byte count (`10MiB`, `1048576`) within `range`.
    static func bytes(_ text: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = ByteCount.parse(text), range.contains(value) else { return nil }
        return value
    }

    /// A plain decimal (`0.2`, `.5`, `0`) within `range`.
    static func decimal(_ text: String, in range: ClosedRange<Double>) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let value = Double(text), range.contains(value)
        else { return nil }
        return value
    }

    /// A credit amount from 0 to 10^12, with at most three decimals (`0`, `250`, `12.5`).
    static func credits(_ text: String) -> Credits? {
        guard let credits = Credits(parsing: text), Credits.plausibleAmounts.contains(credits) else { return nil }
        return credits
    }

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

    /// A swift-log level name (`warn` is taken as `warning`).
    static func logLevel(_ text: String) -> Logger.Level? {
        let lower = text.lowercased()
        return lower == "warn" ? .warning : Logger.Level(rawValue: lower)
    }
}
