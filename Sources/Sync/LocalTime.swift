/// A wall-clock time of day (`sync.at`, `HH:MM`, 24-hour).
public struct LocalTime: Sendable, Hashable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int

    /// `nil` unless `0 ≤ hour ≤ 23` and `0 ≤ minute ≤ 59`.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM` (`3:00` is accepted too); `nil` for anything else.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// 03:00, the default nightly time.
    public static let defaultSync = LocalTime(hour: 3, minute: 0)!

    /// Seconds after midnight.
    var secondsOfDay: Int64 { Int64(hour * 3600 + minute * 60) }

    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
