/// Where a sync run is (the socket's `state`).
public enum SyncRunState: String, Sendable, Hashable, CaseIterable, Codable {
    case queued
    case running
    case succeeded
    case failed
    /// A budget or credit cap stopped it; it resumes by itself.
    case paused

    /// Whether the run has ended (`succeeded` or `failed`).
    public var isFinished: Bool { self == .succeeded || self == .failed }
}
