/// Durations as the configuration writes them: `800ms`, `30s`, `20m`, `24h`, `7d`, or sums such as `1h30m`.
public enum DurationText {
    /// Parses a duration; `nil` if any part is not `<digits><unit>` with unit `ms`, `s`, `m`, `h` or `d`,
    /// has a billion or more units, or the parts add up to more than `Int64` milliseconds.
    public static func parse(_ text: some StringProtocol) -> Duration? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        var total: Int64 = 0
        var index = 0
        while index < bytes.count {
            var value: Int64 = 0
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                value = value * 10 + Int64(bytes[index] - UInt8(ascii: "0"))
                guard value < 1_000_000_000 else { return nil }
                index += 1
            }
            guard index > start, index < bytes.count else { return nil }
            let milliseconds: Int64
            if bytes[index] == UInt8(ascii: "m"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "s") {
                milliseconds = 1
                index += 2
            } else {
                switch bytes[index] {
                case UInt8(ascii: "s"): milliseconds = 1000
                case UInt8(ascii: "m"): milliseconds = 60_000
                case UInt8(ascii: "h"): milliseconds = 3_600_000
                case UInt8(ascii: "d"): milliseconds = 86_400_000
                default: return nil
                }
                index += 1
            }
            let (sum, overflow) = total.addingReportingOverflow(value * milliseconds)
            guard !overflow else { return nil }
            total = sum
        }
        return .milliseconds(total)
    }

    /// The shortest text for a duration of whole milliseconds: `800ms`, `20m`, `1h30m`, `7d`.
    public static func format(_ duration: Duration) -> String {
        var remaining = duration.wholeMilliseconds
        if remaining == 0 { return "0s" }
        var out = ""
        for (unit, size) in [("d", Int64(86_400_000)), ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1)]
        where remaining >= size {
            out += "\(remaining / size)\(unit)"
            remaining %= size
        }
        return out
    }
}
