import CoreMetrics
import NIOCore
import Store
import Synchronization
import TestSupport

@testable import Lookup

/// The hot path without a socket: a ``LookupEngine`` on a manual clock over a real database, with
/// one event loop's ``LoopReader``, called directly on the test's thread.
final class EngineBench: Sendable {
    let directory: TemporaryDirectory
    let database: Database
    let engine: LookupEngine
    let clock: ManualClock
    private let loop: Mutex<LoopReader>

    private init(directory: TemporaryDirectory, database: Database) throws {
        let clock = ManualClock()
        self.clock = clock
        self.directory = directory
        self.database = database
        self.engine = LookupEngine(
            configuration: .testing(socketPath: directory.appending("unused.sock")),
            backend: ScriptedBackend(database: database),
            imageRoot: ImageStore.root(stateDirectory: database.directory),
            metrics: LookupMetrics(factory: NOOPMetricsHandler.instance), scans: ScanCounter(),
            now: { clock.now }, logger: .quiet)
        self.loop = Mutex(LoopReader(reader: try database.makeProductReader(), answerCapacity: 64))
    }

    /// Runs `body` with a bench whose clock starts now, then closes the database.
    static func run(_ body: (EngineBench) async throws -> Void) async throws {
        let directory = try TemporaryDirectory("engine")
        defer { directory.remove() }
        let database = try await Database.open(directory: directory.appending("state"), logger: .quiet)
        let bench = try EngineBench(directory: directory, database: database)
        do { try await body(bench) } catch {
            try await database.close()
            throw error
        }
        bench.loop.withLock { $0.reader.close() }
        try await database.close()
    }

    /// The clock's reading in milliseconds since 1970.
    var now: UnixMillis { UnixMillis(engine.nowMillis()) }

    /// How many product reads the loop's reader ran on SQLite so far.
    var productReads: Int { loop.withLock { $0.reader.productReads } }

    /// The loop's answer to `GET /v1/products/{code}` when answered at once (a cache hit), `nil` when
    /// it takes the slow path (a live fetch).
    func answer(_ code: String) -> String? {
        loop.withLock { Self.answer(code, engine: engine, loop: $0) }
    }

    /// What a loop with nothing kept answers now: encoding anew.
    func freshAnswer(_ code: String) throws -> String? {
        let fresh = LoopReader(reader: try database.makeProductReader(), answerCapacity: 0)
        defer { fresh.reader.close() }
        return Self.answer(code, engine: engine, loop: fresh)
    }

    private static func answer(_ code: String, engine: LookupEngine, loop: LoopReader) -> String? {
        guard case .answer(let answer) = engine.product(Substring(code), loop: loop, allocator: ByteBufferAllocator())
        else { return nil }
        return String(buffer: answer.body)
    }
}
