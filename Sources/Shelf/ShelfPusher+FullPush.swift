import Core
import Foundation
import Logging
import Store

extension ShelfPusher {
    /// The `shelf_state` key of the last full push (RFC 3339).
    static let lastFullPushKey = "last_full_push_at"

    /// Queues the daily full catalog push now: the catalog products that would change what Retagly
    /// shows (see ``ShelfFullPush``) go into the outbox, and the pusher delivers them like any
    /// change (a batch session when 100 or more). Returns how many were queued.
    @discardableResult
    public func queueFullPush() async throws -> Int {
        let entries = catalog()
        let now = wallClock()
        let asOf = UnixMillis(catalogAsOf() ?? now)
        let acceptedAt = outbox.now()
        let queued = try await database.write { connection in
            let pending = try connection.pendingShelfChanges(limit: .max)
            let states = try connection.allShelfProductStates()
            let changes = ShelfFullPush.changes(catalog: entries, states: states, pending: pending, asOf: asOf)
            try connection.appendShelfChanges(changes, source: .catalog, at: acceptedAt)
            try connection.setShelfState(Self.lastFullPushKey, Timestamp.format(now))
            return changes.count
        }
        logger.info(
            "queued the full catalog push", metadata: ["catalog": "\(entries.count)", "changed": "\(queued)"])
        if queued > 0 { outbox.doorbell.signal() }
        return queued
    }

    /// Runs the full push when `next` (or, on the first call, the schedule from the last run) has
    /// come; returns the next due time.
    func runFullPushIfDue(_ next: Date?, at: TimeOfDay) async throws -> Date {
        let now = wallClock()
        var due = next
        if due == nil {
            let last = try await database.read { try $0.shelfState(Self.lastFullPushKey) }.flatMap(Timestamp.parse)
            due = ShelfSchedule.nextDue(
                lastRun: last, now: now, at: at, timeZone: configuration.timeZone)
        }
        guard let due, due <= now else { return due ?? now }
        try await queueFullPush()
        return ShelfSchedule.nextRun(after: now, at: at, timeZone: configuration.timeZone)
    }
}
