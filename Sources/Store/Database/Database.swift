import CSQLite
import Logging
import NIOPosix
import Synchronization

/// The state directory's SQLite database: one type owns it (after GRDB's `AppDatabase`).
///
/// - One writer connection, confined to a dedicated one-thread `NIOThreadPool`, so blocking fsyncs
///   (`synchronous=FULL`) never sit on the Swift cooperative pool. ``write(_:)`` runs one
///   `BEGIN IMMEDIATE` … `COMMIT` transaction there; writes are serialized.
/// - A small pool of read-only connections (`SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX`) on a pool
///   of as many threads; ``read(_:)`` runs one read transaction (a consistent snapshot). In WAL mode
///   reads never wait for the writer.
/// - ``makeProductReader()`` hands the lookup hot path its own synchronous connection.
///
/// Open with ``open(directory:logger:readers:)``; call ``close()`` before dropping it.
public final class Database: Sendable {
    /// The state directory.
    public let directory: String
    /// `<directory>/storesync.sqlite`.
    public let path: String
    let logger: Logger
    let writerPool: NIOThreadPool
    let writer: ConfinedConnection
    let readerPool: NIOThreadPool
    let readers: Mutex<[ConfinedConnection]>
    /// Per-barcode change counters, for the hot path's derived caches (``ProductReader/changeStamp(of:)``).
    let generations = AnswerGenerations()
    /// What was salvaged from a damaged file at open, `nil` when the file was sound (or new).
    public let salvage: SalvageReport?
    private let isClosed = Mutex(false)

    private init(
        directory: String, path: String, logger: Logger, writerPool: NIOThreadPool, writer: ConfinedConnection,
        readerPool: NIOThreadPool, readers: [ConfinedConnection], salvage: SalvageReport?
    ) {
        self.directory = directory
        self.path = path
        self.logger = logger
        self.writerPool = writerPool
        self.writer = writer
        self.readerPool = readerPool
        self.readers = Mutex(readers)
        self.salvage = salvage
    }

    /// Opens the database in `directory`, creating the directory (0700) and the file (0600) if
    /// missing. The file gets `quick_check` after a clean stop, the full `integrity_check` after an
    /// unclean one (``RunningMarker``). A damaged or non-SQLite file is moved aside to
    /// `storesync.sqlite.corrupt-<UTC time>` (with its `-wal`/`-shm`) with an `error` log line, a fresh
    /// database is created and the rows still readable are salvaged into it (``salvage``). Pending
    /// migrations are applied. Throws when the file belongs to a newer storesync, or the directory is
    /// unusable.
    public static func open(directory: String, logger: Logger, readers: Int = 2) async throws -> Database {
        try await open(directory: directory, logger: logger, readers: readers, migrations: Migration.all)
    }

    /// ``open(directory:logger:readers:)`` with a given list of migrations (tests grow the schema) and
    /// an optional forced check (`nil`: chosen by the running marker).
    static func open(
        directory: String, logger: Logger, readers readerCount: Int, migrations: [Migration],
        check: IntegrityCheck? = nil
    ) async throws -> Database {
        var directory = directory
        while directory.count > 1, directory.hasSuffix("/") { directory.removeLast() }
        let writerPool = NIOThreadPool(numberOfThreads: 1)
        writerPool.start()
        let readerPool = NIOThreadPool(numberOfThreads: max(1, readerCount))
        readerPool.start()
        do {
            let marker = RunningMarker(directory: directory)
            var opener = DatabaseOpener(
                directory: directory, logger: logger, migrator: Migrator(migrations: migrations))
            opener.check = check ?? .atStart(uncleanStop: marker.isPresent)
            let (writer, readers, salvage) = try await writerPool.runIfActive { [opener] in
                let (writer, salvage) = try opener.open()
                var readers: [ConfinedConnection] = []
                do {
                    for _ in 0..<max(1, readerCount) {
                        readers.append(ConfinedConnection(try Self.openReadOnly(path: opener.path)))
                    }
                } catch {
                    for reader in readers { reader.connection.close() }
                    writer.close()
                    throw error
                }
                try? marker.create()
                return (ConfinedConnection(writer), readers, salvage)
            }
            logger.info(
                "database open",
                metadata: [
                    "path": "\(opener.path)", "schema_version": "\(migrations.last?.version ?? 0)",
                    "check": "\(opener.check.rawValue)",
                ])
            return Database(
                directory: directory, path: opener.path, logger: logger, writerPool: writerPool, writer: writer,
                readerPool: readerPool, readers: readers, salvage: salvage)
        } catch {
            try? await writerPool.shutdownGracefully()
            try? await readerPool.shutdownGracefully()
            throw error
        }
    }

    /// A read-only connection on `path` (for the pool and the hot path).
    static func openReadOnly(path: String) throws(SQLiteError) -> SQLiteConnection {
        try SQLiteConnection(path: path, flags: SQLITE_OPEN_READONLY)
    }

    /// The image store of the same state directory.
    public var imageStore: ImageStore { ImageStore(stateDirectory: directory) }

    /// A synchronous read-only connection with its own prepared statements for the lookup hot path.
    /// Not `Sendable`: create one per event loop and use it only there.
    public func makeProductReader() throws -> ProductReader {
        try ProductReader(path: path, imageRoot: ImageStore.root(stateDirectory: directory), generations: generations)
    }

    /// Waits for queued work, then closes every connection. Later calls throw ``StoreError/closed``.
    public func close() async throws {
        let wasOpen = isClosed.withLock { closed in
            let wasOpen = !closed
            closed = true
            return wasOpen
        }
        guard wasOpen else { return }
        try await writerPool.shutdownGracefully()
        try await readerPool.shutdownGracefully()
        readers.withLock { readers in
            for reader in readers { reader.connection.close() }
            readers.removeAll()
        }
        writer.connection.close()
        try? RunningMarker(directory: directory).remove()
        logger.debug("database closed", metadata: ["path": "\(path)"])
    }

    deinit {
        guard !isClosed.withLock({ $0 }) else { return }
        logger.warning("database dropped without close(); closing it now", metadata: ["path": "\(path)"])
        writerPool.shutdownGracefully { _ in }
        readerPool.shutdownGracefully { _ in }
    }
}
