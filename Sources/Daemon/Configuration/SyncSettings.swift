import Core
import Foundation

/// `sync.*`: the nightly sync's schedule and shape. Each key is described in
/// ``DaemonConfiguration/settings``; the values here are the defaults.
public struct SyncSettings: Sendable, Hashable {
    public var enabled = true
    public var at = TimeOfDay(hour: 3, minute: 0)!
    /// `nil` means the system's zone.
    public var timeZoneIdentifier: String?
    public var jitter: Duration = .seconds(20 * 60)
    public var bulkCheck = true
    /// The weekday whose nightly sync lists everything; `nil`: never (`off`).
    public var fullRefresh: Weekday?
    public var overlap: Duration = .seconds(600)
    public var retryPassDelay: Duration = .seconds(30)
    public var keepScanned: Duration = .seconds(30 * 86_400)
    public var concurrency = 2

    /// The zone ``at`` is read in (the system's when none is configured).
    public var timeZone: TimeZone {
        timeZoneIdentifier.flatMap { TimeZone(identifier: $0) } ?? TimeZone.current
    }
}
