import CSQLite

/// A failed SQLite call: the result code, SQLite's own message and what storesync was doing.
///
/// The description names the SQL text (which only ever holds `?` placeholders, never bound values),
/// so no secret or product data that was bound can reach a log line through it.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The primary or extended SQLite result code (`SQLITE_BUSY`, `SQLITE_CORRUPT`, …).
    public let code: Int32
    /// SQLite's message (`sqlite3_errmsg`) at the time of the failure.
    public let message: String
    /// What was being done, e.g. the SQL statement or `open /var/lib/storesync/storesync.sqlite`.
    public let context: String

    public init(code: Int32, message: String, context: String) {
        self.code = code
        self.message = message
        self.context = context
    }

    /// The primary result code (the low 8 bits of an extended code).
    public var primaryCode: Int32 { code & 0xFF }

    /// Whether SQLite says the file is damaged or is not a database at all.
    public var isCorruption: Bool { primaryCode == SQLITE_CORRUPT || primaryCode == SQLITE_NOTADB }

    /// Whether the disk (or a quota) is full.
    public var isDiskFull: Bool { primaryCode == SQLITE_FULL }

    public var description: String {
        let name = String(cString: sqlite3_errstr(code))
        var text = "SQLite error \(code) (\(name)): \(message) — while \(context)"
        if isDiskFull { text += "; the disk is full: free space under the state directory" }
        if isCorruption { text += "; the database file is damaged: restart storesync to rebuild it" }
        return text
    }
}
