import Core
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Keeps the store's catalog (`catalog.path`, the POS's CSV export) in memory and re-reads it when
/// the file changes.
///
/// It looks at the file's device, inode, size and mtime every ``pollInterval`` (no inotify needed)
/// and re-reads only when they changed. Bad rows are logged by line once per version of the file
/// and skipped. When the file disappears or its header is unusable, the last good snapshot stays
/// (with a loud log line, once per change). ``snapshot()`` is a lock-protected read of an immutable
/// value, cheap enough for the socket's hot path.
public final class CatalogWatcher: Service, Sendable {
    /// The configured path, or `nil` when no catalog is configured.
    public let path: String?
    /// How often the file is looked at.
    public let pollInterval: Duration
    let clock: WallClock
    let logger: Logger
    private let current: Mutex<CatalogSnapshot?>
    /// The identity of the file version last looked at (`nil` once seen missing); serializes looks.
    private let lastSeen = Mutex<CatalogFileIdentity??>(nil)

    /// Most bad rows logged one by one per version of the file; the rest are counted.
    static let problemsLogged = 50

    /// Reads the catalog at once (so the first ``snapshot()`` is ready when `init` returns).
    public init(path: String?, pollInterval: Duration = .seconds(3), clock: WallClock = .system, logger: Logger) {
        var logger = logger
        logger[metadataKey: "component"] = "catalog"
        self.path = path.flatMap { $0.isEmpty ? nil : $0 }
        self.pollInterval = pollInterval
        self.clock = clock
        self.logger = logger
        self.current = Mutex(
            self.path.map { CatalogSnapshot(entries: [:], path: $0, isLoaded: false, loadedAt: nil) })
        checkNow()
    }

    /// The catalog as last read; `nil` when no catalog is configured.
    public func snapshot() -> CatalogSnapshot? { current.withLock { $0 } }

    /// The entry of `barcode` in the current snapshot (the lookup hot path's question).
    public func entry(_ barcode: Barcode) -> CatalogEntry? { current.withLock { $0?.entries[barcode] } }

    /// Looks at the file now and re-reads it if it changed.
    @discardableResult
    public func checkNow() -> CatalogReload {
        guard let path else { return .notConfigured }
        return lastSeen.withLock { lastSeen in
            let identity = CatalogFileIdentity.of(path)
            guard let identity else {
                if lastSeen != .some(nil) {
                    let kept = current.withLock { $0?.count ?? 0 }
                    logger.error(
                        "the store catalog file is missing or unreadable; keeping the last good catalog",
                        metadata: ["path": "\(path)", "entries_kept": "\(kept)"])
                }
                lastSeen = .some(nil)
                return .missing
            }
            if lastSeen == .some(identity) { return .unchanged }
            lastSeen = .some(identity)
            let result = load(path)
            if case .missing = result { lastSeen = .some(nil) }
            return result
        }
    }

    /// Polls until graceful shutdown.
    public func run() async throws {
        guard path != nil else {
            try? await gracefulShutdown()  // nothing to watch; returning early would end the group
            return
        }
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await self.clock.sleep(for: self.pollInterval)
                } catch { return }
                self.checkNow()
            }
        }
    }

    private func load(_ path: String) -> CatalogReload {
        guard let data = FileManager.default.contents(atPath: path) else {
            logger.error(
                "cannot read the store catalog file; keeping the last good catalog", metadata: ["path": "\(path)"])
            return .missing
        }
        let parsed: CatalogCSV.Parsed
        do {
            parsed = try CatalogCSV.parse(Array(data))
        } catch {
            logger.error(
                "the store catalog file is unusable; keeping the last good catalog",
                metadata: ["path": "\(path)", "problem": "\(error.description)"])
            return .unusable(reason: error.description)
        }
        for problem in parsed.problems.prefix(Self.problemsLogged) {
            logger.warning(
                "store catalog row skipped or overridden",
                metadata: ["path": "\(path)", "line": "\(problem.line)", "problem": "\(problem.message)"])
        }
        if parsed.problems.count > Self.problemsLogged {
            logger.warning(
                "more store catalog rows have problems",
                metadata: ["path": "\(path)", "not_logged": "\(parsed.problems.count - Self.problemsLogged)"])
        }
        let snapshot = CatalogSnapshot(
            entries: parsed.entries, path: path, isLoaded: true, loadedAt: clock.now(),
            problemCount: parsed.problems.count)
        current.withLock { $0 = snapshot }
        logger.info(
            "store catalog loaded",
            metadata: ["path": "\(path)", "entries": "\(parsed.entries.count)", "problems": "\(parsed.problems.count)"])
        return .loaded(entries: parsed.entries.count, problems: parsed.problems)
    }
}
