/// `lookup.*`: scan-time behaviour on a miss or a stale entry. Each key is described in
/// ``DaemonConfiguration/settings``; the values here are the defaults.
public struct LookupSettings: Sendable, Hashable {
    public var liveTimeout: Duration = .milliseconds(800)
    public var maxStaleness: Duration = .seconds(7 * 86_400)
    public var imageCacheBytes = 64 << 20
}
