import Core

/// `sync.full_refresh`: whether the nightly sync on one weekday lists the whole upstream catalog
/// instead of the delta since the last watermark (a safety net against a delta that missed rows).
public enum FullRefresh: Sendable, Hashable, CustomStringConvertible {
    /// Delta every night (the default).
    case off
    /// A full listing on this weekday's nightly sync, the delta on the others.
    case weekly(Weekday)

    /// Parses `off` (also `false`, `no`, `none`) or a weekday name.
    public init?(parsing text: some StringProtocol) {
        if ["off", "false", "no", "none"].contains(text.lowercased()) {
            self = .off
        } else if let day = Weekday(parsing: text) {
            self = .weekly(day)
        } else {
            return nil
        }
    }

    /// `off` or the weekday's name.
    public var description: String {
        switch self {
        case .off: return "off"
        case .weekly(let day): return day.description
        }
    }
}
