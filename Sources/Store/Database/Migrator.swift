import Logging

/// Brings a database to the newest schema: each pending migration in its own `BEGIN IMMEDIATE`
/// transaction together with its `PRAGMA user_version` bump, so a crash leaves either the old or the
/// new version, never half of one.
struct Migrator {
    let migrations: [Migration]

    /// The highest version the migrations know.
    var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Applies what is missing on `connection`; returns the versions applied.
    @discardableResult
    func migrate(_ connection: SQLiteConnection, logger: Logger) throws -> [Int] {
        let current = try Self.userVersion(connection)
        guard current <= latestVersion else {
            throw StoreError.newerSchema(path: connection.path, found: current, known: latestVersion)
        }
        var applied: [Int] = []
        for migration in migrations where migration.version > current {
            do {
                try connection.execute("BEGIN IMMEDIATE")
                try connection.execute(migration.sql)
                try connection.execute("PRAGMA user_version = \(migration.version)")
                try connection.execute("COMMIT")
            } catch {
                if connection.isInTransaction { try? connection.execute("ROLLBACK") }
                throw StoreError.migrationFailed(
                    version: migration.version, name: migration.name, cause: String(describing: error))
            }
            logger.notice(
                "applied database migration",
                metadata: ["version": "\(migration.version)", "migration": "\(migration.name)"])
            applied.append(migration.version)
        }
        return applied
    }

    /// `PRAGMA user_version` of the database.
    static func userVersion(_ connection: SQLiteConnection) throws(SQLiteError) -> Int {
        let statement = try connection.prepare("PRAGMA user_version")
        defer { statement.finalize() }
        return try statement.step() ? statement.int(0) : 0
    }
}
