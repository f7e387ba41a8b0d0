import Logging

extension Database {
    /// `storesync verify --repair`: opens the database in `directory` with the full
    /// `integrity_check` (a damaged file is moved aside and salvaged, exactly as at a start) and closes
    /// it again. Returns what was salvaged, `nil` when the file was sound. The caller holds the state
    /// directory's lock (``StateDirectoryLock``), so no daemon uses the file meanwhile.
    public static func repair(directory: String, logger: Logger) async throws -> SalvageReport? {
        let database = try await open(
            directory: directory, logger: logger, readers: 1, migrations: Migration.all, check: .full)
        try await database.close()
        return database.salvage
    }
}
