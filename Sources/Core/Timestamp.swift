import Foundation

/// RFC 3339 / ISO 8601 timestamps as the APIs write them (`2026-06-04T15:49:50Z`), converted
/// without locale, calendar or formatter state: plain arithmetic on the proleptic Gregorian calendar.
public enum Timestamp {
    /// `2026-06-04T15:49:50Z` (UTC, whole seconds; fractions are dropped; clamped to years 1…9999).
    public static func format(_ date: Date) -> String {
        format(unixSeconds: clampedSeconds(date))
    }

    /// The first and last second of years 1…9999, as seconds since 1970.
    public static let representableSeconds: ClosedRange<Int64> = -62_135_596_800...253_402_300_799

    /// Whole seconds since 1970 of `date` (rounded down), clamped to ``representableSeconds``, so a
    /// date built from outside data (`NaN`, `1e300`) formats instead of trapping.
    public static func clampedSeconds(_ date: Date) -> Int64 {
        let seconds = Int64(saturating: date.timeIntervalSince1970.rounded(.down))
        return min(max(seconds, representableSeconds.lowerBound), representableSeconds.upperBound)
    }

    /// `2026-06-04T15:49:50Z` from seconds since 1970.
    public static func format(unixSeconds: Int64) -> String {
        let (day, secondOfDay) = floorDivide(unixSeconds, 86_400)
        let (year, month, dayOfMonth) = civilFromDays(day)
        let hour = secondOfDay / 3600
        let minute = secondOfDay % 3600 / 60
        let second = secondOfDay % 60
        return
            "\(pad(year, 4))-\(pad(month, 2))-\(pad(dayOfMonth, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))Z"
    }

    /// `2026-06-04` (the UTC day of `date`).
    public static func formatDay(_ date: Date) -> String {
        String(format(date).prefix(10))
    }

    /// Parses `YYYY-MM-DD` (midnight UTC), `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`; a space may stand for `T`.
    public static func parse(_ text: some StringProtocol) -> Date? {
        let b = Array(text.utf8)
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            let year = number(b, 0, 4), let month = number(b, 5, 2), let day = number(b, 8, 2),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        if b.count == 10 { return Date(timeIntervalSince1970: Double(days * 86_400)) }
        guard b.count >= 19, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
            b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
            let hour = number(b, 11, 2), let minute = number(b, 14, 2), let second = number(b, 17, 2),
            hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < b.count, b[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < b.count, b[index] >= UInt8(ascii: "0"), b[index] <= UInt8(ascii: "9") {
                fraction += Double(b[index] - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        var offset: Int64 = 0
        if index == b.count {
            // No zone: read as UTC (the APIs always send one; be lenient with hand-typed values).
        } else if b[index] == UInt8(ascii: "Z") || b[index] == UInt8(ascii: "z") {
            index += 1
        } else if b[index] == UInt8(ascii: "+") || b[index] == UInt8(ascii: "-") {
            guard index + 6 == b.count, b[index + 3] == UInt8(ascii: ":"),
                let zoneHours = number(b, index + 1, 2), let zoneMinutes = number(b, index + 4, 2),
                zoneHours < 24, zoneMinutes < 60
            else { return nil }
            let sign: Int64 = b[index] == UInt8(ascii: "+") ? 1 : -1
            offset = sign * Int64(zoneHours * 3600 + zoneMinutes * 60)
            index += 6
        } else {
            return nil
        }
        guard index == b.count else { return nil }
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    public static func civilFromDays(_ days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    /// Floor division for a positive `divisor`, without overflow for any `value` (`Int64.min` included).
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        var (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ value: some BinaryInteger, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    private static func number(_ b: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= b.count else { return nil }
        var value = 0
        for index in start..<(start + count) {
            let byte = b[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
