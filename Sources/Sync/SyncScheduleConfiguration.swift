import Core
import Foundation

/// The nightly schedule (config `sync.enabled`, `sync.at`, `sync.timezone`, `sync.jitter`,
/// `sync.full_refresh`, which have no default here: the Daemon's configuration holds them).
public struct SyncScheduleConfiguration: Sendable, Hashable {
    /// `false`: no scheduled syncs and no catch-up (manual resyncs and resumes still work).
    public var enabled: Bool
    /// The store-local time of the nightly sync.
    public var at: TimeOfDay
    /// The store's time zone (`nil`: the system's).
    public var timeZone: TimeZone?
    /// The random delay added to each slot, drawn uniformly from 0 to this.
    public var jitter: Duration
    /// The weekday whose sync is a full refresh (`nil`: never).
    public var fullRefresh: Weekday?
    /// A catch-up sync runs at start when the last success is older than this (or there was none).
    public var catchUpAfter: Duration

    public init(
        enabled: Bool, at: TimeOfDay, timeZone: TimeZone?, jitter: Duration, fullRefresh: Weekday?,
        catchUpAfter: Duration = .seconds(86_400)
    ) {
        self.enabled = enabled
        self.at = at
        self.timeZone = timeZone
        self.jitter = jitter
        self.fullRefresh = fullRefresh
        self.catchUpAfter = catchUpAfter
    }

    /// The zone schedule maths use.
    public var zone: TimeZone { timeZone ?? .current }
}
