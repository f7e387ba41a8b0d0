import Core

extension WriteConnection {
    /// Records that upstream does not have `entry.barcode` (replacing an older entry). A cached
    /// product record is left alone: deleting it is the caller's decision (``deleteProduct(_:)``).
    public func saveNegative(_ entry: NegativeEntry) throws {
        changes.record(entry.barcode)
        try sqlite.run(
            """
            INSERT INTO negatives (barcode, checked_at, reason) VALUES (?, ?, ?)
            ON CONFLICT (barcode) DO UPDATE SET checked_at = excluded.checked_at, reason = excluded.reason
            """,
            .text(entry.barcode.digits), .integer(entry.checkedAt.value), .text(entry.reason.rawValue))
    }

    /// Removes the negative entry of `barcode`; returns whether there was one.
    @discardableResult
    public func deleteNegative(_ barcode: Barcode) throws -> Bool {
        changes.record(barcode)
        return try sqlite.run("DELETE FROM negatives WHERE barcode = ?", .text(barcode.digits)) > 0
    }

    /// Deletes every negative entry of `reason`; returns how many. A bulk change: when it deleted
    /// any, every kept answer is retired.
    @discardableResult
    public func deleteNegatives(reason: NegativeReason) throws -> Int {
        let deleted = try sqlite.run("DELETE FROM negatives WHERE reason = ?", .text(reason.rawValue))
        if deleted > 0 { changes.recordEverything() }
        return deleted
    }

    /// Deletes negative entries at least `ttl` old at `now`; returns how many. A bulk change: when it
    /// deleted any, every kept answer is retired.
    @discardableResult
    public func purgeNegatives(olderThan ttl: Duration, at now: UnixMillis) throws -> Int {
        let purged = try sqlite.run(
            "DELETE FROM negatives WHERE checked_at <= ?", .integer(now.value - ttl.wholeMilliseconds))
        if purged > 0 { changes.recordEverything() }
        return purged
    }
}
