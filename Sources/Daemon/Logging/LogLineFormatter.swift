import Core
import Foundation
import Logging

/// Turns one event into one line: logfmt (`ts=… level=info msg="…" logger=… key=value`) or a JSON
/// object. With ``journald`` the line starts with the syslog priority (`<6>`) and has no `ts`
/// (the journal stamps each entry itself). Newlines inside values are escaped, so an event is
/// always exactly one line. Pure: tests call it without a handler.
public struct LogLineFormatter: Sendable {
    public var format: LogFormat
    /// Prefix `<priority>` and omit the timestamp.
    public var journald: Bool

    public init(format: LogFormat, journald: Bool) {
        self.format = format
        self.journald = journald
    }

    /// The line, without its newline. `fields` are written in the order given, after `ts`, `level`,
    /// `msg` and `logger`.
    public func line(
        date: Date, level: Logger.Level, message: String, label: String, fields: [(key: String, value: String)]
    ) -> String {
        var all: [(key: String, value: String)] = []
        if !journald { all.append(("ts", Self.timestamp(date))) }
        all.append(("level", level.rawValue))
        all.append(("msg", message))
        all.append(("logger", label))
        all += fields
        let prefix = journald ? "<\(SyslogPriority.of(level))>" : ""
        switch format {
        case .logfmt:
            return prefix + all.map { Self.logfmtKey($0.key) + "=" + Self.logfmtValue($0.value) }.joined(separator: " ")
        case .json:
            var out = prefix + "{"
            for (index, field) in all.enumerated() {
                if index > 0 { out += "," }
                JSONValue.writeString(field.key, to: &out)
                out += ":"
                JSONValue.writeString(field.value, to: &out)
            }
            return out + "}"
        }
    }

    /// `2026-07-02T16:30:00.123Z`.
    public static func timestamp(_ date: Date) -> String {
        let (whole, millis) = Int64((date.timeIntervalSince1970 * 1000).rounded()).quotientAndRemainder(
            dividingBy: 1000)
        let text = Timestamp.format(unixSeconds: whole)
        let fraction = String(millis)
        return text.dropLast() + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + "Z"
    }

    /// A key with anything but letters, digits, `_`, `.` and `-` replaced by `_`.
    static func logfmtKey(_ key: String) -> String {
        let safe = key.unicodeScalars.map { scalar -> String in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "_.-".unicodeScalars.contains(scalar))
                ? String(scalar) : "_"
        }
        return safe.isEmpty ? "_" : safe.joined()
    }

    /// The value bare when it has no space, `=`, quote, backslash or control character; else quoted.
    static func logfmtValue(_ value: String) -> String {
        let needsQuotes =
            value.isEmpty
            || value.unicodeScalars.contains {
                $0.value <= 0x20 || $0 == "=" || $0 == "\"" || $0 == "\\" || $0.value == 0x7F
            }
        guard needsQuotes else { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
