import Core

extension ReadableConnection {
    /// Up to `limit` outbox changes in acceptance order (lowest sequence first).
    public func pendingShelfChanges(limit: Int) throws -> [ShelfOutboxRow] {
        let statement = try sqlite.cached(
            "SELECT seq, barcode, change, source, accepted_at FROM shelf_outbox ORDER BY seq LIMIT ?")
        defer { statement.reset() }
        try statement.bind([.int(limit)])
        var rows: [ShelfOutboxRow] = []
        while try statement.step() {
            rows.append(
                ShelfOutboxRow(
                    seq: statement.int64(0), barcode: StoreBarcode(trusted: statement.text(1)),
                    change: statement.text(2), source: ShelfChangeSource(rawValue: statement.text(3)) ?? .pos,
                    acceptedAt: UnixMillis(statement.int64(4))))
        }
        return rows
    }

    /// The shelf state of each of `barcodes` that has one.
    public func shelfProductStates(
        for barcodes: some Sequence<StoreBarcode>
    ) throws -> [StoreBarcode: ShelfProductState] {
        let statement = try sqlite.cached("SELECT \(Self.shelfProductColumns) FROM shelf_products WHERE barcode = ?")
        defer { statement.reset() }
        var found: [StoreBarcode: ShelfProductState] = [:]
        for barcode in barcodes {
            statement.reset()
            try statement.bind([.text(barcode.digits)])
            if try statement.step() { found[barcode] = Self.shelfProductState(statement) }
        }
        return found
    }

    /// Every barcode's shelf state (the full catalog push compares the whole catalog with it).
    public func allShelfProductStates() throws -> [StoreBarcode: ShelfProductState] {
        let statement = try sqlite.cached("SELECT \(Self.shelfProductColumns) FROM shelf_products")
        defer { statement.reset() }
        var found: [StoreBarcode: ShelfProductState] = [:]
        while try statement.step() {
            let state = Self.shelfProductState(statement)
            found[state.barcode] = state
        }
        return found
    }

    /// Depth and oldest age of the outbox; changes of a barcode whose newest change is held back by
    /// an item error count as blocked, not as depth.
    public func shelfOutboxSummary() throws -> ShelfOutboxSummary {
        let statement = try sqlite.cached(
            """
            SELECT
                coalesce(sum(CASE WHEN p.error_seq IS NULL OR g.last > p.error_seq THEN g.n ELSE 0 END), 0),
                min(CASE WHEN p.error_seq IS NULL OR g.last > p.error_seq THEN g.first END),
                coalesce(sum(CASE WHEN p.error_seq IS NULL OR g.last > p.error_seq THEN 0 ELSE g.n END), 0)
            FROM (SELECT barcode, count(*) AS n, min(accepted_at) AS first, max(seq) AS last
                  FROM shelf_outbox GROUP BY barcode) AS g
            LEFT JOIN shelf_products AS p ON p.barcode = g.barcode
            """)
        defer { statement.reset() }
        guard try statement.step() else { return ShelfOutboxSummary(depth: 0, oldestAcceptedAt: nil, blocked: 0) }
        return ShelfOutboxSummary(
            depth: statement.int(0), oldestAcceptedAt: statement.optionalInt64(1).map(UnixMillis.init),
            blocked: statement.int(2))
    }

    /// The barcodes with an item error, newest first, at most `limit`.
    public func shelfItemErrors(limit: Int) throws -> [ShelfItemErrorRecord] {
        let statement = try sqlite.cached(
            """
            SELECT barcode, error, error_at FROM shelf_products WHERE error IS NOT NULL
            ORDER BY error_at DESC, barcode LIMIT ?
            """)
        defer { statement.reset() }
        try statement.bind([.int(limit)])
        var errors: [ShelfItemErrorRecord] = []
        while try statement.step() {
            errors.append(
                ShelfItemErrorRecord(
                    barcode: StoreBarcode(trusted: statement.text(0)), message: statement.text(1),
                    at: UnixMillis(statement.int64(2))))
        }
        return errors
    }

    /// A small value of the shelf push, or `nil`.
    public func shelfState(_ key: String) throws -> String? {
        let statement = try sqlite.cached("SELECT value FROM shelf_state WHERE key = ?")
        defer { statement.reset() }
        try statement.bind([.text(key)])
        return try statement.step() ? statement.text(0) : nil
    }

    static var shelfProductColumns: String {
        """
        barcode, known, delivered, delivered_seq, delivered_at, error, error_seq, error_at, name_at, price_at, \
        stock_at, on_sale_at, sale_price_at, unit_at
        """
    }

    /// Decodes the columns of ``shelfProductColumns``.
    static func shelfProductState(_ statement: SQLiteStatement) -> ShelfProductState {
        ShelfProductState(
            barcode: StoreBarcode(trusted: statement.text(0)), known: statement.int(1) != 0,
            delivered: statement.optionalText(2), deliveredSeq: statement.int64(3),
            deliveredAt: statement.optionalInt64(4).map(UnixMillis.init), error: statement.optionalText(5),
            errorSeq: statement.optionalInt64(6), errorAt: statement.optionalInt64(7).map(UnixMillis.init),
            posSetAt: (8...13).map { statement.optionalInt64(Int32($0)).map(UnixMillis.init) })
    }
}
