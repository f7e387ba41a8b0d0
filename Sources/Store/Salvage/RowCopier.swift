import CSQLite

/// Copies rows of one table from a damaged file into the fresh database, value by value
/// (`sqlite3_bind_value` keeps each value's type), remembering which rowids it has seen.
struct RowCopier {
    let source: SQLiteConnection
    let target: SQLiteConnection
    /// `SELECT rowid, <columns> FROM <table>`.
    let select: String
    /// `INSERT OR IGNORE INTO <table> (<columns>) VALUES (?, …)`.
    let insert: String
    /// Rowids read (copied or rejected).
    private(set) var seen = Set<Int64>()
    /// Rows stored in the target.
    private(set) var copied = 0
    /// Rows read but refused by the target (a constraint, a foreign key).
    private(set) var rejected = 0

    init(source: SQLiteConnection, target: SQLiteConnection, select: String, insert: String) {
        self.source = source
        self.target = target
        self.select = select
        self.insert = insert
    }

    /// Reads `select` in `order` until the end or the first error, copying every row not seen yet.
    mutating func scan(order: String) -> RowScan {
        guard let statement = try? source.prepare(select + " " + order) else { return RowScan(finished: false) }
        defer { statement.finalize() }
        var last: Int64?
        while true {
            do {
                guard try statement.step() else { return RowScan(finished: true, lastRowid: last) }
            } catch {
                return RowScan(finished: false, lastRowid: last)
            }
            let rowid = statement.int64(0)
            last = rowid
            copy(statement, rowid: rowid)
        }
    }

    /// Looks up one rowid and copies it when it can be read.
    mutating func probe(_ rowid: Int64) -> RowProbe {
        guard let statement = try? source.prepare(select + " WHERE rowid = ?") else { return .unreadable }
        defer { statement.finalize() }
        do {
            try statement.bind([.integer(rowid)])
            guard try statement.step() else { return .absent }
        } catch {
            return .unreadable
        }
        return copy(statement, rowid: rowid) ? .copied : .rejected
    }

    /// Inserts the current row of `row` (columns after the rowid) unless its rowid was seen.
    @discardableResult
    private mutating func copy(_ row: SQLiteStatement, rowid: Int64) -> Bool {
        guard seen.insert(rowid).inserted else { return false }
        do {
            let statement = try target.cached(insert)
            defer { statement.reset() }
            let count = sqlite3_column_count(row.handle)
            for column in 1..<count {
                let code = sqlite3_bind_value(statement.handle, column, sqlite3_column_value(row.handle, column))
                guard code == SQLITE_OK else { throw target.error(code, context: insert) }
            }
            try statement.runToCompletion()
            guard sqlite3_changes(target.handle) > 0 else { throw target.error(SQLITE_CONSTRAINT, context: insert) }
            copied += 1
            return true
        } catch {
            rejected += 1
            return false
        }
    }
}
