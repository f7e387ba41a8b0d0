import Core

/// Where a sync run stands, durably, so a crash or a pause resumes it at the same point: its phase,
/// the keyset cursor of its catalog listing, and when a paused run wakes up.
public struct SyncRunCursor: Sendable, Hashable {
    /// The phase the run is in (`listing`, `bulk_check`, `fetching`; the sync owns the names);
    /// `nil` before it started.
    public var phase: String?
    /// The `updated_since` of the next listing page to ask for (upstream's text), if any.
    public var since: String?
    /// The page number of the next listing page to ask for.
    public var page: Int?
    /// When a paused run resumes (local clock).
    public var resumeAt: UnixMillis?

    public init(phase: String? = nil, since: String? = nil, page: Int? = nil, resumeAt: UnixMillis? = nil) {
        self.phase = phase
        self.since = since
        self.page = page
        self.resumeAt = resumeAt
    }
}
