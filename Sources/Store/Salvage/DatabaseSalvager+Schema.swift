import CSQLite

extension DatabaseSalvager {
    /// The column names of `table` on `connection` (empty when there is no such table).
    static func columns(of table: String, on connection: SQLiteConnection) throws(SQLiteError) -> [String] {
        let statement = try connection.prepare("SELECT name FROM pragma_table_info(?)")
        defer { statement.finalize() }
        try statement.bind([.text(table)])
        var names: [String] = []
        while try statement.step() { names.append(statement.text(0)) }
        return names
    }

    /// The names of the indexes on `table` that cover every row (partial indexes do not).
    static func indexes(of table: String, on connection: SQLiteConnection) throws(SQLiteError) -> [String] {
        let statement = try connection.prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND coalesce(sql, '') NOT LIKE '% WHERE %'"
        )
        defer { statement.finalize() }
        try statement.bind([.text(table)])
        var names: [String] = []
        while try statement.step() { names.append(statement.text(0)) }
        return names
    }

    /// The rowids `index` still names (reading only the index's pages), as far as it can be read.
    static func rowids(of table: String, indexedBy index: String, on connection: SQLiteConnection) -> [Int64] {
        guard let statement = try? connection.prepare("SELECT rowid FROM \"\(table)\" INDEXED BY \"\(index)\"")
        else { return [] }
        defer { statement.finalize() }
        var rowids: [Int64] = []
        while (try? statement.step()) == true { rowids.append(statement.int64(0)) }
        return rowids
    }

    /// The first column of the first row of `sql` as an integer (0 when there is no row).
    static func integer(_ sql: String, on connection: SQLiteConnection) throws(SQLiteError) -> Int64 {
        let statement = try connection.prepare(sql)
        defer { statement.finalize() }
        return try statement.step() ? statement.int64(0) : 0
    }

    /// A short reason for a log line.
    static func reason(_ error: any Error) -> String {
        (error as? SQLiteError)?.message ?? "\(error)"
    }
}
