import Foundation

/// The HTTP `Date` header format (RFC 9110 IMF-fixdate): `Sun, 06 Nov 1994 08:49:37 GMT`.
public enum HTTPDate {
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Formats `date` (whole seconds, UTC).
    public static func format(_ date: Date) -> String {
        let seconds = Timestamp.clampedSeconds(date)
        let (day, secondOfDay) = Timestamp.floorDivide(seconds, 86_400)
        let (year, month, dayOfMonth) = Timestamp.civilFromDays(day)
        let (_, weekday) = Timestamp.floorDivide(day, 7)
        let time =
            "\(Timestamp.pad(secondOfDay / 3600, 2)):\(Timestamp.pad(secondOfDay % 3600 / 60, 2)):"
            + Timestamp.pad(secondOfDay % 60, 2)
        return
            "\(weekdays[Int(weekday)]), \(Timestamp.pad(dayOfMonth, 2)) \(months[month - 1]) \(Timestamp.pad(year, 4)) \(time) GMT"
    }

    /// Parses an IMF-fixdate; `nil` for anything else (the obsolete formats are not sent by the APIs),
    /// a year outside 1…9999 or a day the month does not have, so the arithmetic never overflows.
    public static func parse(_ text: some StringProtocol) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", parts[1].count == 2, parts[3].count == 4,
            let day = Int(parts[1]), let year = Int(parts[3]), (1...9999).contains(year),
            let monthIndex = months.firstIndex(where: { $0 == parts[2] })
        else { return nil }
        let clock = parts[4].split(separator: ":")
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 }), let hour = Int(clock[0]),
            let minute = Int(clock[1]), let second = Int(clock[2]), (0..<24).contains(hour), (0..<60).contains(minute),
            (0..<61).contains(second), (1...Timestamp.daysIn(month: monthIndex + 1, year: year)).contains(day)
        else { return nil }
        let days = Timestamp.daysFromCivil(year: year, month: monthIndex + 1, day: day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + Int64(hour * 3600 + minute * 60 + second)))
    }
}
