/// A day of the week (`sync.full_refresh`), numbered from Sunday = 0.
public enum Weekday: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case sunday = 0, monday, tuesday, wednesday, thursday, friday, saturday

    /// Parses a weekday name in English, whole or its first three letters, any case (`sunday`, `Sun`).
    public init?(parsing text: some StringProtocol) {
        let name = text.lowercased()
        guard name.count >= 3,
            let day = Weekday.allCases.first(where: { $0.name.hasPrefix(name) && (name.count == 3 || name == $0.name) })
        else { return nil }
        self = day
    }

    /// The weekday of a day counted from 1970-01-01 (a Thursday).
    public init(daysSinceEpoch days: Int64) {
        let index = ((days + 4) % 7 + 7) % 7
        self = Weekday(rawValue: Int(index))!
    }

    /// The lower-case English name.
    public var name: String {
        switch self {
        case .sunday: return "sunday"
        case .monday: return "monday"
        case .tuesday: return "tuesday"
        case .wednesday: return "wednesday"
        case .thursday: return "thursday"
        case .friday: return "friday"
        case .saturday: return "saturday"
        }
    }

    public var description: String { name }
}
