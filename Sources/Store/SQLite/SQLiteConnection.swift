import CSQLite

/// One SQLite connection (`sqlite3 *`) with its statement cache.
///
/// Not thread-safe and not `Sendable`: it is opened with `SQLITE_OPEN_NOMUTEX` and must be used by
/// one thread at a time (the writer thread, a reader checked out of the pool, or one event loop).
/// Public only as an opaque name: every member is internal, so SQL stays inside Store.
public final class SQLiteConnection {
    /// The raw handle; valid until ``close()``.
    let handle: OpaquePointer
    /// The path the connection was opened on (for error messages).
    let path: String
    /// Statements prepared once and reused, keyed by their SQL text.
    private var cache: [String: SQLiteStatement] = [:]
    /// How many statements this connection has prepared (cached or not), for tests of the hot path.
    private(set) var prepareCount = 0
    private var isClosed = false

    /// Opens `path` with `flags` (`SQLITE_OPEN_*`), always adding `SQLITE_OPEN_NOMUTEX` and
    /// extended result codes, and sets the busy timeout.
    init(path: String, flags: Int32, busyTimeoutMilliseconds: Int32 = 5000) throws(SQLiteError) {
        var raw: OpaquePointer?
        let code = sqlite3_open_v2(path, &raw, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let raw else {
            let message = raw.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let raw { sqlite3_close_v2(raw) }
            throw SQLiteError(code: code, message: message, context: "opening \(path)")
        }
        self.handle = raw
        self.path = path
        sqlite3_extended_result_codes(raw, 1)
        sqlite3_busy_timeout(raw, busyTimeoutMilliseconds)
    }

    deinit { close() }

    /// Finalizes every cached statement and closes the connection. Safe to call twice.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        for statement in cache.values { statement.finalize() }
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more SQL statements without results (DDL, pragmas, `BEGIN`/`COMMIT`).
    func execute(_ sql: String) throws(SQLiteError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code, context: sql) }
    }

    /// Prepares a new statement that the caller owns (not cached). Counts in ``prepareCount``.
    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var raw: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &raw, nil)
        guard code == SQLITE_OK, let raw else { throw error(code, context: "preparing \(sql)") }
        prepareCount += 1
        return SQLiteStatement(handle: raw, connection: self, sql: sql)
    }

    /// The cached statement for `sql`, prepared on first use, reset and with bindings cleared.
    func cached(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let statement = cache[sql] {
            statement.reset()
            return statement
        }
        let statement = try prepare(sql)
        cache[sql] = statement
        return statement
    }

    /// Runs `sql` (cached) with `bindings` to completion; returns the number of rows changed.
    @discardableResult
    func run(_ sql: String, _ bindings: SQLiteValue...) throws(SQLiteError) -> Int {
        let statement = try cached(sql)
        defer { statement.reset() }
        try statement.bind(bindings)
        try statement.runToCompletion()
        return Int(sqlite3_changes(handle))
    }

    /// The rowid of the last successful insert on this connection.
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Whether a transaction is open on this connection.
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// An error for `code` with SQLite's current message on this connection.
    func error(_ code: Int32, context: String) -> SQLiteError {
        SQLiteError(code: code, message: String(cString: sqlite3_errmsg(handle)), context: context)
    }
}
