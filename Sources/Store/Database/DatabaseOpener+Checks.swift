import CSQLite
import Core
import Foundation

extension DatabaseOpener {
    /// The first free name `<path>.<kind>-YYYYMMDDTHHMMSSZ` (with `-2`, `-3`, … if taken).
    static func asidePath(for path: String, kind: String, at date: Date, exists: (String) -> Bool) -> String {
        let stamp = Timestamp.format(date).filter { $0 != "-" && $0 != ":" }
        let base = "\(path).\(kind)-\(stamp)"
        var candidate = base
        var counter = 1
        while exists(candidate) || exists(candidate + "-wal") {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        return candidate
    }

    /// The rows of `check`'s pragma other than `ok` (empty when the file is sound).
    static func integrityProblems(
        _ connection: SQLiteConnection, check: IntegrityCheck = .full
    ) throws(SQLiteError) -> [String] {
        let statement = try connection.prepare(check.pragma)
        defer { statement.finalize() }
        var problems: [String] = []
        while try statement.step() {
            let row = statement.text(0)
            if row != "ok" { problems.append(row) }
        }
        return problems
    }

    /// The first column of the first row of `sql`.
    static func singleText(_ connection: SQLiteConnection, _ sql: String) throws(SQLiteError) -> String {
        let statement = try connection.prepare(sql)
        defer { statement.finalize() }
        return try statement.step() ? statement.text(0) : ""
    }
}
