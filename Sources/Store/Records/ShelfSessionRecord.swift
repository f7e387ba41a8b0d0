import Core

/// One Retagly batch session as storesync recorded it (the status document's `last_session`).
public struct ShelfSessionRecord: Sendable, Hashable, Codable {
    public var sessionId: String
    public var status: ShelfSessionStatus
    /// Retagly's phase at the last poll (`saving`, `syncing`, `verifying`).
    public var phase: String?
    /// Products the session carries.
    public var products: Int
    public var tagsConfirmed: Int?
    public var tagsTotal: Int?
    public var startedAt: UnixMillis
    /// When storesync called `/batch/complete`.
    public var completedAt: UnixMillis?
    /// When it ended (completed, failed, expired, abandoned).
    public var finishedAt: UnixMillis?
    /// Why it ended other than completed, for a person.
    public var message: String?

    public init(
        sessionId: String, status: ShelfSessionStatus, phase: String? = nil, products: Int, tagsConfirmed: Int? = nil,
        tagsTotal: Int? = nil, startedAt: UnixMillis, completedAt: UnixMillis? = nil, finishedAt: UnixMillis? = nil,
        message: String? = nil
    ) {
        self.sessionId = sessionId
        self.status = status
        self.phase = phase
        self.products = products
        self.tagsConfirmed = tagsConfirmed
        self.tagsTotal = tagsTotal
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.finishedAt = finishedAt
        self.message = message
    }

    /// The status document's keys (`completed_at` is storesync's own).
    enum CodingKeys: String, CodingKey {
        case sessionId, status, phase, products, tagsConfirmed, tagsTotal, startedAt, finishedAt, message
    }
}
