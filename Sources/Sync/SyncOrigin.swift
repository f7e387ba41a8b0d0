/// Who asked for a sync.
public enum SyncOrigin: String, Sendable, Hashable, CaseIterable {
    /// The nightly schedule (or the weekly full refresh).
    case schedule
    /// The catch-up at start after a missed night.
    case catchUp = "catch_up"
    /// An operator (`storesync resync`, `POST /v1/sync`): lifts a `client_disabled` stop first and
    /// wakes a paused run to try again now.
    case manual
    /// A scan was answered stale: a delta revalidates the cache through its free listing.
    case revalidation
}
