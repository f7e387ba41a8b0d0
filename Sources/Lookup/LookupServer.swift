import Core
import CoreMetrics
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import ServiceLifecycle
import Store
import Synchronization

/// The local socket API as a ServiceLifecycle `Service`: HTTP/1.1 + JSON on a Unix socket (and
/// optionally loopback TCP) on plain SwiftNIO. Fresh cache hits are answered on the event loop; the
/// slow lane runs in this service's task group. On graceful shutdown it stops accepting, finishes the
/// lookups in flight, then closes the remaining connections.
public final class LookupServer: Service, Sendable {
    let context: LookupServerContext
    let database: Database
    let group: any EventLoopGroup
    let connections: ConnectionRegistry
    let logger: Logger
    let inheritedSocket: CInt?
    let boundTCPPort = Mutex<Int?>(nil)
    /// Fires once the socket accepts connections.
    public let ready = SharedValue<Void>()

    /// - Parameter inheritedSocket: a listening Unix socket passed by systemd socket activation
    ///   (`LISTEN_FDS`); when set, `socketPath` is not bound or removed by this server.
    public init(
        configuration: LookupConfiguration, backend: any LookupBackend,
        database: Database, eventLoopGroup: any EventLoopGroup,
        metrics: any MetricsFactory, scans: ScanCounter, logger: Logger, inheritedSocket: CInt? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        let lookupMetrics = LookupMetrics(factory: metrics)
        let engine = LookupEngine(
            configuration: configuration, backend: backend,
            imageRoot: ImageStore.root(stateDirectory: database.directory),
            metrics: lookupMetrics, scans: scans, now: now, logger: logger)
        self.context = LookupServerContext(configuration: configuration, engine: engine, metrics: lookupMetrics)
        self.database = database
        self.group = eventLoopGroup
        self.connections = ConnectionRegistry(limit: configuration.maxConnections, metrics: lookupMetrics)
        self.logger = logger
        self.inheritedSocket = inheritedSocket
    }

    /// The TCP port bound (useful with port 0), once ready.
    public var tcpPort: Int? { boundTCPPort.withLock { $0 } }

    /// Lookups waiting on upstream or disk.
    public var slowLaneDepth: Int { context.lane.depth }

    /// Request-body bytes buffered now, across all connections.
    public var bufferedBodyBytes: Int { context.bodies.inUse }

    public func run() async throws {
        let database = self.database
        let capacity = context.configuration.answerCacheEntries
        let readers = try await ReaderRegistry.make(group: group) {
            LoopReader(reader: try database.makeProductReader(), answerCapacity: capacity)
        }
        let listeners = try await bindListeners(readers: readers)
        context.markReady()
        ready.fulfil(())
        logger.info("socket ready", metadata: ["socket": "\(context.configuration.socketPath)"])
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { tasks in
                let control = context.controlLane
                tasks.addTask {
                    await withTaskGroup(of: Void.self) { controls in
                        for await job in control.jobs { controls.addTask { await job() } }
                    }
                }
                for await job in context.lane.jobs { tasks.addTask { await job() } }
            }
        } onGracefulShutdown: {
            self.context.beginShutdown()
            for listener in listeners { listener.close(promise: nil) }
            self.context.lane.close()
            self.context.controlLane.close()
        }
        context.beginShutdown()
        for listener in listeners { try? await listener.close() }
        await connections.closeAll()
        if inheritedSocket == nil { try? SocketPath.removeIfSocket(context.configuration.socketPath) }
        logger.info("socket closed")
    }
}
