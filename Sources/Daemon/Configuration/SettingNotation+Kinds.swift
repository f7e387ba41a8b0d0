import Core
import Foundation
import Logging
import Lookup

extension SettingNotation where Value == Duration {
    /// `800ms`, `30s`, `20m`, `24h`, `7d` or sums such as `1h30m`, within `range`.
    static func duration(_ range: ClosedRange<Duration>) -> Self {
        .within(
            range, "a duration such as 800ms, 30s, 20m, 24h or 7d", format: { DurationText.format($0) },
            parse: { DurationText.parse($0) })
    }
}

extension SettingNotation where Value == Int {
    /// A byte count (`10MiB`, `1048576`) within `range`.
    static func bytes(_ range: ClosedRange<Int>) -> Self {
        .within(
            range, "a size such as 64MiB or 67108864", format: { ByteCount.format($0) }, parse: { ByteCount.parse($0) })
    }

    /// A whole number within `range`.
    static func integer(_ range: ClosedRange<Int>) -> Self {
        .within(range, "a whole number", format: { "\($0)" }, parse: { Int($0) })
    }
}

extension SettingNotation where Value == Double {
    /// A plain decimal (`0.2`, `.5`, `0`, never `1e-1`) within `range`.
    static func decimal(_ range: ClosedRange<Double>) -> Self {
        .within(
            range, "a decimal", format: { $0 == $0.rounded() ? "\(Int($0))" : "\($0)" },
            parse: { text in
                guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else { return nil }
                return Double(text)
            })
    }
}

extension SettingNotation where Value == Credits {
    /// An amount of credits with at most three decimals, from 0 to 10^12.
    static var credits: Self {
        within(
            Credits.plausibleAmounts, "a number of credits with at most 3 decimals", format: { $0.description },
            parse: { Credits(parsing: $0) })
    }
}

extension SettingNotation where Value == Bool {
    /// `true/false`, `yes/no`, `on/off`, `1/0`, any case.
    static var bool: Self {
        Self("true or false (also yes/no, on/off, 1/0)", yaml: { ConfigurationYAML.plain("\($0)") }) {
            switch $0.lowercased() {
            case "true", "yes", "on", "1": return true
            case "false", "no", "off", "0": return false
            default: return nil
            }
        }
    }
}

extension SettingNotation where Value == String {
    /// An absolute path.
    static var absolutePath: Self { text("an absolute path", SettingParsers.absolutePath) }

    /// A Unix socket path.
    static var socketPath: Self { text("an absolute path of at most 107 bytes", SettingParsers.socketPath) }

    /// An IANA time zone name.
    static var timeZone: Self {
        text("an IANA time zone such as Europe/Paris or America/New_York", SettingParsers.timeZone)
    }

    /// An `https` URL, or `http` to a loopback host.
    static var serviceURL: Self {
        text("an https:// URL (http:// only to 127.0.0.1, ::1 or localhost), without query", SettingParsers.serviceURL)
    }
}

extension SettingNotation where Value == UInt16 {
    /// Socket permission bits, written back quoted with four digits (`"0660"`).
    static var socketMode: Self {
        Self(
            "octal permission bits such as \"0660\" (at most 0777)",
            yaml: { ConfigurationYAML.quoted(ListenSettings.modeText($0)) }, parse: SettingParsers.socketMode)
    }
}

extension SettingNotation where Value == LookupConfiguration.TCPAddress {
    /// A loopback address and port.
    static var loopbackAddress: Self {
        Self(
            "a loopback address 127.0.0.1:PORT or [::1]:PORT (the socket API is local only)",
            yaml: { ConfigurationYAML.quoted($0.description) }, parse: SettingParsers.loopbackAddress)
    }
}

extension SettingNotation where Value == Weekday? {
    /// `off` or a weekday.
    static var weekdayOrOff: Self { .offOr(.parsed(Weekday.self, "a weekday (sunday, monday, …, saturday)")) }
}

extension SettingNotation where Value == TimeOfDay? {
    /// `off` or a time of day.
    static var timeOrOff: Self { .offOr(.parsed(TimeOfDay.self, "a store-local time HH:MM")) }
}

extension SettingNotation where Value == Logger.Level {
    /// A swift-log level name (`warn` is taken as `warning`).
    static var logLevel: Self { .oneOf(Logger.Level.self, aliases: ["warn": .warning]) }
}
