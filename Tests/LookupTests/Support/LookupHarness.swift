import Core
import CoreMetrics
import Foundation
import Logging
import Lookup
import NIOPosix
import Store
import TestSupport

/// A running socket server over a real database in a temporary directory, with a scripted backend.
struct LookupHarness: Sendable {
    let directory: TemporaryDirectory
    let database: Database
    let backend: ScriptedBackend
    let server: LookupServer
    let configuration: LookupConfiguration

    var socket: SocketHTTP.Endpoint { .unix(configuration.socketPath) }

    /// Starts a server, runs `body`, stops the server and removes the directory.
    static func run<T: Sendable>(
        configure: (inout LookupConfiguration) -> Void = { _ in },
        _ body: @Sendable (LookupHarness) async throws -> T
    ) async throws -> T {
        let directory = try TemporaryDirectory("lookup")
        defer { directory.remove() }
        let database = try await Database.open(directory: directory.appending("state"), logger: Logger.quiet)
        var configuration = LookupConfiguration.testing(socketPath: directory.appending("l.sock"))
        // Generous: a scripted fetch, or a request a test holds, on a busy machine must not race a
        // deadline. The tests of the deadlines set short ones.
        configuration.liveTimeout = .seconds(30)
        configuration.requestTimeout = .seconds(60)
        configure(&configuration)
        let backend = ScriptedBackend(database: database)
        let server = LookupServer(
            configuration: configuration, backend: backend, database: database,
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, metrics: NOOPMetricsHandler.instance,
            scans: ScanCounter(), logger: Logger.quiet)
        let harness = LookupHarness(
            directory: directory, database: database, backend: backend, server: server, configuration: configuration)
        let result = try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await server.run()
                return nil
            }
            await server.ready.wait()
            let result = try await body(harness)
            group.cancelAll()
            return result
        }
        try await database.close()
        return result
    }

    /// Stores a product as if fetched `age` ago, with an image per variant given.
    func seed(
        _ barcode: String, meta: String = #"{"product_name":"Seeded"}"#, age: Duration = .zero,
        images: [ImageVariant: [UInt8]] = [:]
    ) async throws {
        let code = Barcode(barcode)!
        let fetched = UnixMillis.now().adding(.zero - age)
        let store = database.imageStore
        try await database.write { connection in
            try connection.saveProduct(
                ProductRecord(
                    barcode: code, productMeta: meta, updatedAt: "2026-07-01T00:00:00Z", fetchedAt: fetched,
                    source: .sync))
            for (variant, bytes) in images {
                let stored = try store.store(bytes, barcode: code, variant: variant)
                try connection.saveImage(
                    ImageRecord(
                        stored: stored, barcode: code, variant: variant, productUpdatedAt: "2026-07-01T00:00:00Z",
                        storedAt: .now()))
            }
        }
    }

    /// Stores a negative entry `age` old.
    func seedNegative(_ barcode: String, age: Duration = .zero) async throws {
        let entry = NegativeEntry(
            barcode: Barcode(barcode)!, checkedAt: UnixMillis.now().adding(.zero - age), reason: .notFound)
        try await database.write { try $0.saveNegative(entry) }
    }

    /// `GET path` over the socket, parsed as JSON when it is JSON.
    func get(
        _ path: String, headers: [(String, String)] = []
    ) async throws -> (status: Int, json: JSONValue?, raw: RawHTTPClient.Response) {
        let response = try await SocketHTTP.request(socket, "GET", path, headers: headers)
        let json = try? JSONValue(parsing: response.body)
        return (response.status ?? 0, json, response)
    }
}

extension Logger {
    /// A logger that drops everything.
    static let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
}
