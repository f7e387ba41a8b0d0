import Core

extension WriteConnection {
    /// Appends `changes` to the shelf outbox in order (one row each, sequences increasing) and, for
    /// POS changes, records that the POS set their fields at `now`. Returns the last sequence.
    @discardableResult
    public func appendShelfChanges(
        _ changes: [ShelfNewChange], source: ShelfChangeSource, at now: UnixMillis
    ) throws -> Int64 {
        for change in changes {
            try sqlite.run(
                "INSERT INTO shelf_outbox (barcode, change, source, accepted_at) VALUES (?, ?, ?, ?)",
                .text(change.barcode.digits), .text(change.change), .text(source.rawValue), .integer(now.value))
            guard source == .pos else { continue }
            let times = ShelfFieldSet.each.map { change.fields.contains($0) ? SQLiteValue.integer(now.value) : .null }
            try sqlite.run(
                """
                INSERT INTO shelf_products (barcode, name_at, price_at, stock_at, on_sale_at, sale_price_at, unit_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (barcode) DO UPDATE SET
                    name_at = coalesce(excluded.name_at, name_at), price_at = coalesce(excluded.price_at, price_at),
                    stock_at = coalesce(excluded.stock_at, stock_at),
                    on_sale_at = coalesce(excluded.on_sale_at, on_sale_at),
                    sale_price_at = coalesce(excluded.sale_price_at, sale_price_at),
                    unit_at = coalesce(excluded.unit_at, unit_at)
                """,
                .text(change.barcode.digits), times[0], times[1], times[2], times[3], times[4], times[5])
        }
        return sqlite.lastInsertRowID
    }

    /// Removes the outbox changes of `barcode` up to sequence `seq` (Retagly confirmed them, or
    /// they changed nothing). Returns how many.
    @discardableResult
    public func removeShelfChanges(_ barcode: StoreBarcode, through seq: Int64) throws -> Int {
        try sqlite.run("DELETE FROM shelf_outbox WHERE barcode = ? AND seq <= ?", .text(barcode.digits), .integer(seq))
    }

    /// Records that Retagly confirmed `delivered` (the whole state it now holds as far as storesync
    /// knows) for `barcode`, including changes up to `seq`: the product is known to Retagly, and an
    /// item error up to `seq` is cleared. A delivery older than the one recorded leaves it alone.
    public func recordShelfDelivery(
        _ barcode: StoreBarcode, delivered: String, through seq: Int64, at now: UnixMillis
    ) throws {
        try sqlite.run(
            """
            INSERT INTO shelf_products (barcode, known, delivered, delivered_seq, delivered_at) VALUES (?, 1, ?, ?, ?)
            ON CONFLICT (barcode) DO UPDATE SET
                known = 1,
                delivered = CASE WHEN excluded.delivered_seq >= delivered_seq THEN excluded.delivered ELSE delivered END,
                delivered_at = CASE WHEN excluded.delivered_seq >= delivered_seq THEN excluded.delivered_at
                    ELSE delivered_at END,
                delivered_seq = max(delivered_seq, excluded.delivered_seq),
                error = CASE WHEN error_seq <= excluded.delivered_seq THEN NULL ELSE error END,
                error_at = CASE WHEN error_seq <= excluded.delivered_seq THEN NULL ELSE error_at END,
                error_seq = CASE WHEN error_seq <= excluded.delivered_seq THEN NULL ELSE error_seq END
            """,
            .text(barcode.digits), .text(delivered), .integer(seq), .integer(now.value))
    }

    /// Records an item error for `barcode` (cut to 500 characters; never pass a secret): its changes
    /// up to `seq` stay in the outbox but are not sent again until a newer change arrives.
    public func recordShelfItemError(
        _ barcode: StoreBarcode, message: String, through seq: Int64, at now: UnixMillis
    ) throws {
        try sqlite.run(
            """
            INSERT INTO shelf_products (barcode, error, error_seq, error_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (barcode) DO UPDATE SET
                error = excluded.error, error_seq = excluded.error_seq, error_at = excluded.error_at
            """,
            .text(barcode.digits), .text(String(message.prefix(500))), .integer(seq), .integer(now.value))
    }

    /// Marks whether Retagly has `barcode` (`false` after Retagly said it does not: the next
    /// delivery goes through `/add` with name and price).
    public func setShelfKnown(_ barcode: StoreBarcode, _ known: Bool) throws {
        try sqlite.run(
            """
            INSERT INTO shelf_products (barcode, known) VALUES (?, ?)
            ON CONFLICT (barcode) DO UPDATE SET known = excluded.known
            """,
            .text(barcode.digits), .integer(known ? 1 : 0))
    }

    /// Sets a small value of the shelf push (e.g. when the last full push ran).
    public func setShelfState(_ key: String, _ value: String) throws {
        try sqlite.run(
            "INSERT INTO shelf_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            .text(key), .text(value))
    }
}
