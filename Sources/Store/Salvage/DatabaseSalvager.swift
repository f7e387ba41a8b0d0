import CSQLite

/// Copies the rows that can still be read from a damaged database file (a separate read-only
/// connection on the moved-aside file) into the fresh, migrated one, table by table.
///
/// Per table it scans forward by rowid until a damaged page stops it, then backward, then looks up
/// one by one every rowid the table's indexes still name (index b-trees live on other pages) and,
/// for small gaps, every rowid between the two scans. Unreadable rows are skipped and counted, and
/// rows a constraint of the fresh schema rejects count as lost too. Runs on the writer thread,
/// inside one transaction on the target.
struct DatabaseSalvager {
    /// The tables worth keeping, parents before children (`images` references `products`).
    static let tables = [
        "shelf_outbox", "shelf_products", "shelf_state", "daily_spend", "tokens", "sync_state", "negatives",
        "scan_counts", "products", "images", "evicted_images",
    ]
    /// The widest rowid gap probed one by one between the forward and the backward scan.
    static let maximumGap: Int64 = 100_000

    let source: SQLiteConnection
    let target: SQLiteConnection

    /// Salvages every table of ``tables`` and keeps the outbox's sequence ahead of every salvaged
    /// or delivered `seq`, so a new shelf change can never take the number of an old one.
    func salvageAll() throws -> [TableSalvage] {
        try target.execute("BEGIN IMMEDIATE")
        do {
            let results = Self.tables.map { salvage($0) }
            try keepOutboxSequence()
            try target.execute("COMMIT")
            return results
        } catch {
            try? target.execute("ROLLBACK")
            throw error
        }
    }

    /// Copies what can be read of `table`.
    func salvage(_ table: String) -> TableSalvage {
        var result = TableSalvage(table: table)
        let columns: [String]
        do {
            let wanted = try Self.columns(of: table, on: target)
            let present = Set(try Self.columns(of: table, on: source))
            columns = wanted.filter(present.contains)
        } catch {
            return TableSalvage(table: table, complete: false, failure: Self.reason(error))
        }
        guard !columns.isEmpty else {
            return TableSalvage(table: table, complete: false, failure: "no such table in the damaged file")
        }
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let select = "SELECT rowid, \(list) FROM \"\(table)\""
        let insert =
            "INSERT OR IGNORE INTO \"\(table)\" (\(list)) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        var copier = RowCopier(source: source, target: target, select: select, insert: insert)
        let forward = copier.scan(order: "ORDER BY rowid")
        if forward.finished {
            result.recovered = copier.copied
            result.lost = copier.rejected
            return result
        }
        result.complete = false
        let backward = copier.scan(order: "ORDER BY rowid DESC")
        var candidates = Set<Int64>()
        for index in (try? Self.indexes(of: table, on: source)) ?? [] {
            candidates.formUnion(Self.rowids(of: table, indexedBy: index, on: source))
        }
        let low = forward.lastRowid ?? 0
        let high = backward.lastRowid ?? low
        var gapFailures = 0
        if high > low, high - low <= Self.maximumGap {
            for rowid in (low + 1)..<high where !candidates.contains(rowid) && !copier.seen.contains(rowid) {
                if copier.probe(rowid) == .unreadable { gapFailures += 1 }
            }
        }
        var indexFailures = 0
        for rowid in candidates.sorted() where !copier.seen.contains(rowid) {
            if copier.probe(rowid) != .copied { indexFailures += 1 }
        }
        result.recovered = copier.copied
        result.lost = copier.rejected + indexFailures + gapFailures
        return result
    }

    /// Moves `sqlite_sequence` for `shelf_outbox` past every seq the salvaged rows know.
    private func keepOutboxSequence() throws {
        var highest = Int64(0)
        let queries = [
            "SELECT max(seq) FROM shelf_outbox",
            "SELECT max(max(delivered_seq), coalesce(max(error_seq), 0)) FROM shelf_products",
        ]
        for sql in queries { highest = max(highest, (try? Self.integer(sql, on: target)) ?? 0) }
        let old = (try? Self.integer("SELECT seq FROM sqlite_sequence WHERE name = 'shelf_outbox'", on: source)) ?? 0
        highest = max(highest, old)
        guard highest > 0 else { return }
        try target.run("DELETE FROM sqlite_sequence WHERE name = 'shelf_outbox'")
        try target.run("INSERT INTO sqlite_sequence (name, seq) VALUES ('shelf_outbox', ?)", .integer(highest))
    }
}
