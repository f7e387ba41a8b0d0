/// How thoroughly the database file is checked when it is opened: `PRAGMA quick_check` (O(N), skips
/// index contents) after a clean stop, the full `PRAGMA integrity_check` after an unclean one (the
/// ``RunningMarker`` was still there) or when asked for (`storesync verify --repair`).
public enum IntegrityCheck: String, Sendable {
    case quick
    case full

    /// The check for a start: full after an unclean stop, quick otherwise.
    public static func atStart(uncleanStop: Bool) -> IntegrityCheck { uncleanStop ? .full : .quick }

    /// The pragma that runs the check, reporting at most 20 problems.
    var pragma: String {
        switch self {
        case .quick: return "PRAGMA quick_check(20)"
        case .full: return "PRAGMA integrity_check(20)"
        }
    }
}
