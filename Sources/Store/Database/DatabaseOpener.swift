import CSQLite
import Core
import Foundation
import Logging

/// The blocking start-up sequence of the database, run on the writer thread: make the state
/// directory, check the file (`quick_check` or `integrity_check`, see ``IntegrityCheck``), move a
/// damaged one aside, create a fresh one (mode 0600), configure the writer connection, migrate, and
/// salvage into it what the damaged file still holds (``DatabaseSalvager``, ``ImageReindexer``).
struct DatabaseOpener {
    /// The database file name inside the state directory.
    static let fileName = "storesync.sqlite"

    let directory: String
    let logger: Logger
    let migrator: Migrator
    /// How thoroughly an existing file is checked.
    var check: IntegrityCheck = .full

    var path: String { directory + "/" + Self.fileName }

    /// Opens (or creates) the database and returns the configured, migrated writer connection, with
    /// what was salvaged when the existing file was damaged.
    func open() throws -> (connection: SQLiteConnection, salvage: SalvageReport?) {
        let created = try POSIXFiles.makeDirectories(directory, mode: 0o700, spaceRoot: directory)
        if !created.isEmpty { logger.info("created the state directory", metadata: ["path": "\(directory)"]) }
        var damaged: (movedTo: String, problems: [String])?
        let connection: SQLiteConnection
        if let existing = try openExisting(damaged: &damaged) {
            connection = existing
        } else {
            connection = try createFresh()
        }
        do {
            try configureWriter(connection)
            try migrator.migrate(connection, logger: logger)
            guard let damaged else { return (connection, nil) }
            return (connection, salvage(from: damaged.movedTo, problems: damaged.problems, into: connection))
        } catch {
            connection.close()
            throw error
        }
    }

    /// Opens the existing file if it passes the integrity check; moves it aside and returns `nil`
    /// if it is damaged or not a database; returns `nil` when there is no file.
    private func openExisting(damaged: inout (movedTo: String, problems: [String])?) throws -> SQLiteConnection? {
        guard POSIXFiles.exists(path) else { return nil }
        try tightenPermissions()
        let connection = try SQLiteConnection(path: path, flags: SQLITE_OPEN_READWRITE)
        let problems: [String]
        do {
            problems = try Self.integrityProblems(connection, check: check)
        } catch {
            guard error.isCorruption else {
                connection.close()
                throw error
            }
            problems = [error.message]
        }
        if problems.isEmpty { return connection }
        connection.close()
        damaged = (try moveAside(problems: problems), problems)
        return nil
    }

    /// Creates an empty file with mode 0600 (before SQLite touches it) and opens it. A `-wal` or
    /// `-shm` left without its database is moved aside first: SQLite would otherwise replay that
    /// journal into the new, empty file.
    private func createFresh() throws -> SQLiteConnection {
        let orphans = ["-wal", "-shm"].filter { POSIXFiles.exists(path + $0) }
        if !orphans.isEmpty {
            let target = Self.asidePath(for: path, kind: "orphan", at: Date(), exists: POSIXFiles.exists)
            for suffix in orphans { try POSIXFiles.move(path + suffix, to: target + suffix, spaceRoot: directory) }
            logger.warning(
                "found a journal without its database file; moved it aside",
                metadata: ["path": "\(path)", "moved_to": "\(target)"])
        }
        let descriptor = try POSIXFiles.createExclusive(path, mode: 0o600, spaceRoot: directory)
        close(descriptor)
        try POSIXFiles.syncDirectory(directory, spaceRoot: directory)
        logger.info("created a new database", metadata: ["path": "\(path)"])
        return try SQLiteConnection(path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
    }

    /// WAL, `synchronous=FULL`, foreign keys. FULL because store machines lose power: with NORMAL a
    /// commit that was answered could vanish at a power cut, and a sync would pay for it again.
    private func configureWriter(_ connection: SQLiteConnection) throws {
        let mode = try Self.singleText(connection, "PRAGMA journal_mode = WAL")
        guard mode.lowercased() == "wal" else { throw StoreError.walUnavailable(path: path, mode: mode) }
        try connection.execute(
            """
            PRAGMA synchronous = FULL;
            PRAGMA foreign_keys = ON;
            PRAGMA journal_size_limit = 67108864;
            """)
    }

    /// Makes the database and its `-wal`/`-shm` files private to the daemon's user (0600).
    private func tightenPermissions() throws {
        for file in [path, path + "-wal", path + "-shm"] {
            guard let mode = POSIXFiles.permissions(of: file), mode & 0o077 != 0 else { continue }
            try POSIXFiles.setPermissions(file, 0o600, spaceRoot: directory)
            logger.warning(
                "the database file was readable by others; set its mode to 0600",
                metadata: ["path": "\(file)", "old_mode": "\(String(mode, radix: 8))"])
        }
    }

    /// Renames the damaged file and its `-wal`/`-shm` to `storesync.sqlite.corrupt-<UTC time>…`.
    private func moveAside(problems: [String]) throws -> String {
        let target = Self.asidePath(for: path, kind: "corrupt", at: Date(), exists: POSIXFiles.exists)
        for suffix in ["-wal", "-shm", ""] where POSIXFiles.exists(path + suffix) {
            try POSIXFiles.move(path + suffix, to: target + suffix, spaceRoot: directory)
        }
        try POSIXFiles.syncDirectory(directory, spaceRoot: directory)
        logger.error(
            """
            the database file is damaged: moved it aside and starting a fresh database, into which the rows \
            that can still be read are copied; the old file can be inspected or deleted
            """,
            metadata: [
                "path": "\(path)", "moved_to": "\(target)",
                "problems": "\(problems.prefix(5).joined(separator: "; "))",
            ])
        return target
    }
}
