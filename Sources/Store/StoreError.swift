/// Failures of the state directory that are not a single SQLite or file error.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The database was written by a newer storesync.
    case newerSchema(path: String, found: Int, known: Int)
    /// SQLite refused WAL mode (e.g. a file system without shared memory).
    case walUnavailable(path: String, mode: String)
    /// The state directory could not be created or used.
    case directory(path: String, cause: String)
    /// The database was closed.
    case closed
    /// There is no database in the state directory (a read-only check found nothing to check).
    case missingDatabase(path: String)
    /// A migration failed; nothing of it was applied.
    case migrationFailed(version: Int, name: String, cause: String)
    /// JSON text handed to the store does not parse (it would break every answer built from it).
    case invalidJSON(field: String, barcode: String, cause: String)
    /// Another process holds the state directory's lock (a second daemon on the same directory).
    case stateDirectoryInUse(path: String, holder: String)

    public var description: String {
        switch self {
        case .newerSchema(let path, let found, let known):
            return "the database \(path) has schema version \(found) but this storesync knows only up to "
                + "\(known); run the newer storesync that wrote it, or move the file aside to start empty"
        case .walUnavailable(let path, let mode):
            return "SQLite could not switch \(path) to WAL mode (got '\(mode)'); put the state directory "
                + "on a local file system"
        case .directory(let path, let cause):
            return "the state directory \(path) is unusable: \(cause); check storage.state_dir and its owner"
        case .closed:
            return "the database is closed (storesync is shutting down)"
        case .missingDatabase(let path):
            return
                "there is no database at \(path); check storage.state_dir (storesync serve creates it on its first start)"
        case .migrationFailed(let version, let name, let cause):
            return "database migration \(version) (\(name)) failed and was rolled back: \(cause)"
        case .stateDirectoryInUse(let path, let holder):
            return "the state directory \(path) is in use by another storesync (\(holder)); stop it first "
                + "(systemctl stop storesync), or give this one its own storage.state_dir"
        case .invalidJSON(let field, let barcode, let cause):
            return "refusing to cache \(field) of \(barcode): \(cause); the record was not saved"
        }
    }
}
