/// Where a batch session stands, as `GET /batch/{sessionId}/status` names it.
public enum RetaglySessionState: String, Sendable, Hashable, Encodable {
    /// Started, taking pushes, not completed yet.
    case open
    /// Completed by the client; saving, syncing displays or verifying them.
    case processing
    /// Every phase done.
    case completed
    /// Processing stopped (an injected session fault); products saved so far stay saved.
    case failed
    /// Not completed within 30 minutes of its start; its products were never saved.
    case expired
}
