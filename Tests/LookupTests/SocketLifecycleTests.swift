import Core
import CoreMetrics
import Foundation
import Logging
import Lookup
import NIOPosix
import ServiceLifecycle
import Store
import TestSupport
import Testing

@Suite("The socket file, the TCP listener and shutdown")
struct SocketLifecycleTests {
    @Test("The socket gets the configured mode, and is removed at shutdown")
    func socketMode() async throws {
        let path = try await LookupHarness.run(configure: { $0.socketMode = 0o660 }) { harness in
            let attributes = try FileManager.default.attributesOfItem(atPath: harness.configuration.socketPath)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o660)
            return harness.configuration.socketPath
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("A stale socket left by a dead process is replaced")
    func staleSocket() async throws {
        let directory = try TemporaryDirectory("stale")
        defer { directory.remove() }
        let path = directory.appending("l.sock")
        try makeDeadSocket(at: path)
        try await LookupHarness.run(configure: { $0.socketPath = path }) { harness in
            let status = try await harness.get("/healthz").status
            #expect(status == 200)
        }
    }

    @Test("A live socket is never taken over, and a regular file is never replaced")
    func liveSocketRefused() async throws {
        try await LookupHarness.run { harness in
            let second = try await Self.runServer(socketPath: harness.configuration.socketPath)
            #expect(second?.contains("another process is serving") == true)
            #expect(try await harness.get("/healthz").status == 200)
        }
        let directory = try TemporaryDirectory("file")
        defer { directory.remove() }
        let path = directory.appending("l.sock")
        _ = FileManager.default.createFile(atPath: path, contents: Data("keep me".utf8))
        let refusal = try await Self.runServer(socketPath: path)
        #expect(refusal?.contains("not a socket") == true)
        #expect(FileManager.default.contents(atPath: path) == Data("keep me".utf8))
    }

    @Test("A non-loopback TCP address is refused at start; loopback TCP serves the same API")
    func tcpListener() async throws {
        let directory = try TemporaryDirectory("tcp")
        defer { directory.remove() }
        let refusal = try await Self.runServer(
            socketPath: directory.appending("l.sock"), tcp: .init(host: "0.0.0.0", port: 0))
        #expect(refusal?.contains("not a loopback address") == true)
        try await LookupHarness.run(configure: { $0.tcp = .init(host: "127.0.0.1", port: 0) }) { harness in
            let port = try #require(harness.server.tcpPort)
            let response = try await SocketHTTP.request(.tcp(host: "127.0.0.1", port: port), "GET", "/healthz")
            #expect(response.status == 200)
        }
    }

    @Test("Graceful shutdown finishes the lookup in flight before closing")
    func gracefulShutdown() async throws {
        let directory = try TemporaryDirectory("stop")
        defer { directory.remove() }
        let database = try await Database.open(directory: directory.appending("state"), logger: Logger.quiet)
        let backend = ScriptedBackend(database: database)
        backend.script("030772095355", .slow(.milliseconds(400), productMeta: #"{"product_name":"Soap"}"#))
        var configuration = LookupConfiguration.testing(socketPath: directory.appending("l.sock"))
        configuration.liveTimeout = .seconds(10)  // the 400 ms fetch must not race the deadline when busy
        let server = LookupServer(
            configuration: configuration, backend: backend, database: database,
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, metrics: NOOPMetricsHandler.instance,
            scans: ScanCounter(), logger: Logger.quiet)
        let group = ServiceGroup(services: [server], logger: Logger.quiet)
        let socketPath = configuration.socketPath
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            await server.ready.wait()
            async let answer = SocketHTTP.request(.unix(socketPath), "GET", "/v1/products/030772095355")
            try await eventually("the live fetch to start") { !backend.liveCalls.isEmpty }
            await group.triggerGracefulShutdown()
            let status = try await answer.status
            #expect(status == 200)
            try await tasks.waitForAll()
        }
        #expect(!FileManager.default.fileExists(atPath: configuration.socketPath))
        try await database.close()
    }

    /// Runs a second server and returns its start-up refusal, or `nil` if it started.
    static func runServer(socketPath: String, tcp: LookupConfiguration.TCPAddress? = nil) async throws -> String? {
        let directory = try TemporaryDirectory("second")
        defer { directory.remove() }
        let database = try await Database.open(directory: directory.appending("state"), logger: Logger.quiet)
        defer { Task { try? await database.close() } }
        var configuration = LookupConfiguration.testing(socketPath: socketPath)
        configuration.tcp = tcp
        let server = LookupServer(
            configuration: configuration, backend: ScriptedBackend(database: database), database: database,
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, metrics: NOOPMetricsHandler.instance,
            scans: ScanCounter(), logger: Logger.quiet)
        do {
            try await server.run()
            return nil
        } catch {
            return "\(error)"
        }
    }
}

/// Binds a Unix socket at `path` and closes it without unlinking: what a killed process leaves.
func makeDeadSocket(at path: String) throws {
    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
        for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
    }
    let result = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    close(fd)
    guard result == 0 else { throw CocoaError(.fileWriteUnknown) }
}
