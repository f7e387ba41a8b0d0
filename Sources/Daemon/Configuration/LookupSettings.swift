/// `lookup.*`: scan-time behaviour on a miss or a stale entry.
public struct LookupSettings: Sendable, Hashable {
    /// Deadline of a live fetch on a miss.
    public var liveTimeout: Duration = .milliseconds(800)
    /// A stale entry older than this is refetched before answering.
    public var maxStaleness: Duration = .seconds(7 * 86_400)
    /// Image bytes kept in memory for serving.
    public var imageCacheBytes = 64 << 20

    public init() {}
}
