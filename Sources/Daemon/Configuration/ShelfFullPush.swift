import Core

/// `shelf.full_push`: whether the whole store catalog goes to the shelf displays once a day (a batch
/// session). It never overrides a newer change queued through the socket.
public enum ShelfFullPush: Sendable, Hashable, CustomStringConvertible {
    /// No daily push (the default): only changes queued on the socket are pushed.
    case off
    /// Every day at this store-local time (in `sync.timezone`).
    case daily(TimeOfDay)

    /// Parses `off` (also `false`, `no`, `none`) or a time `HH:MM`.
    public init?(parsing text: some StringProtocol) {
        if ["off", "false", "no", "none"].contains(text.lowercased()) {
            self = .off
        } else if let time = TimeOfDay(parsing: text) {
            self = .daily(time)
        } else {
            return nil
        }
    }

    /// `off` or `HH:MM`.
    public var description: String {
        switch self {
        case .off: return "off"
        case .daily(let time): return time.description
        }
    }
}
