import CSQLite

/// A prepared statement: bind, step, read columns, reset. Owned by one ``SQLiteConnection``.
final class SQLiteStatement {
    let handle: OpaquePointer
    /// The SQL text (placeholders only), for error messages.
    let sql: String
    private unowned let connection: SQLiteConnection
    private var isFinalized = false

    /// `SQLITE_TRANSIENT`: SQLite copies bound text before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(handle: OpaquePointer, connection: SQLiteConnection, sql: String) {
        self.handle = handle
        self.connection = connection
        self.sql = sql
    }

    /// Releases the statement; called by the connection (cached) or by the owner.
    func finalize() {
        guard !isFinalized else { return }
        isFinalized = true
        sqlite3_finalize(handle)
    }

    /// Resets the statement for another run and clears its bindings.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds `values` to parameters 1…n.
    func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds one value to the parameter at `index` (1-based).
    func bind(_ value: SQLiteValue, at index: Int32) throws(SQLiteError) {
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(handle, index)
        case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
        case .text(let text): code = bindText(text, at: index)
        }
        guard code == SQLITE_OK else { throw connection.error(code, context: "binding parameter \(index) of \(sql)") }
    }

    /// Binds text without building an intermediate array (the hot path binds barcodes this way).
    func bindText(_ text: String, at index: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            sqlite3_bind_text(handle, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
        }
    }

    /// Advances to the next row: `true` when a row is available, `false` when done.
    func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.error(code, context: sql)
        }
    }

    /// Steps until done, ignoring rows.
    func runToCompletion() throws(SQLiteError) {
        while try step() {}
    }

    /// Whether column `index` (0-based) of the current row is `NULL`.
    func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    /// Column `index` as an integer (0 for `NULL`).
    func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    /// Column `index` as an `Int`.
    func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(handle, index)) }

    /// Column `index` as an integer, `nil` for `NULL`.
    func optionalInt64(_ index: Int32) -> Int64? { isNull(index) ? nil : int64(index) }

    /// Column `index` as text (empty for `NULL`), decoded straight from SQLite's buffer.
    func text(_ index: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// Column `index` as text, `nil` for `NULL`.
    func optionalText(_ index: Int32) -> String? { isNull(index) ? nil : text(index) }

}
