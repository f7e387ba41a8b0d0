/// A day of the week (`sync.full_refresh`). Raw values follow Foundation's `Calendar` (1 is Sunday).
public enum Weekday: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case sunday = 1
    case monday, tuesday, wednesday, thursday, friday, saturday

    /// Parses a weekday name, any case, whole (`Sunday`) or its first three letters (`sun`).
    public init?(parsing text: some StringProtocol) {
        let lower = text.lowercased()
        guard lower.count >= 3,
            let day = Weekday.allCases.first(where: { $0.description == lower || $0.description.prefix(3) == lower })
        else { return nil }
        self = day
    }

    /// The lowercase English name: `sunday`.
    public var description: String {
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
}
