import Foundation
import Store

/// One firing of the nightly schedule.
public struct ScheduledSync: Sendable, Hashable {
    /// The scheduled instant (`sync.at` on a local date), before jitter.
    public var slot: Date
    /// When it fires: the slot plus the jitter drawn for it.
    public var fireAt: Date
    /// `full` on the weekly full-refresh day, else `delta`.
    public var mode: SyncMode

    public init(slot: Date, fireAt: Date, mode: SyncMode) {
        self.slot = slot
        self.fireAt = fireAt
        self.mode = mode
    }
}
