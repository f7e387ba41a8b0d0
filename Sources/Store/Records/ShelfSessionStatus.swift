/// Where a Retagly batch session stands, as storesync records it.
public enum ShelfSessionStatus: String, Sendable, Hashable, Codable {
    /// Started; products are being pushed.
    case open
    /// Completed by storesync; Retagly is saving, syncing displays or verifying.
    case processing
    /// Retagly reported `completed`: its changes left the outbox.
    case completed
    /// Retagly reported `failed`: its changes are sent again in a new session.
    case failed
    /// It expired (410) before it was completed: its changes are sent again in a new session.
    case expired
    /// Retagly no longer knows it (404), or storesync gave it up: its changes are sent again.
    case abandoned

    /// Whether the session still needs following.
    public var isUnfinished: Bool { self == .open || self == .processing }
}
