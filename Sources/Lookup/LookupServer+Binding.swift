import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

extension LookupServer {
    /// Binds the Unix socket (or adopts the inherited one) and the optional TCP listener.
    func bindListeners(readers: ReaderRegistry) async throws -> [any Channel] {
        let configuration = context.configuration
        var listeners: [any Channel] = []
        do {
            let unix = bootstrap(readers: readers, tcp: false)
            if let fd = inheritedSocket {
                listeners.append(try await unix.withBoundSocket(fd).get())
            } else {
                try SocketPath.prepare(configuration.socketPath)
                do {
                    listeners.append(try await unix.bind(unixDomainSocketPath: configuration.socketPath).get())
                } catch {
                    throw SocketPath.Refusal(
                        description:
                            "cannot listen on \(configuration.socketPath) (listen.socket): \(Self.reason(error)); "
                            + "check that its directory exists and is writable by this user")
                }
                try SocketPath.setMode(configuration.socketPath, configuration.socketMode)
            }
            if let tcp = configuration.tcp {
                guard SocketPath.isLoopback(tcp.host) else {
                    throw SocketPath.Refusal(
                        description: "listen.tcp \(tcp) is not a loopback address; the socket API is local only "
                            + "(use 127.0.0.1 or ::1)")
                }
                let host = tcp.host == "localhost" ? "127.0.0.1" : tcp.host
                let channel: any Channel
                do {
                    channel = try await bootstrap(readers: readers, tcp: true).bind(host: host, port: tcp.port).get()
                } catch {
                    throw SocketPath.Refusal(
                        description: "cannot listen on \(tcp) (listen.tcp): \(Self.reason(error)); "
                            + "another program may hold that port: choose another port or stop it")
                }
                listeners.append(channel)
                logger.warning(
                    """
                    listen.tcp: any program of this machine can use the TCP listener, whatever the Unix \
                    socket's group allows; requests from web pages are refused
                    """,
                    metadata: ["listen_tcp": "\(tcp)"])
                let port = channel.localAddress?.port
                boundTCPPort.withLock { $0 = port }
            }
        } catch {
            for listener in listeners { try? await listener.close() }
            throw error
        }
        return listeners
    }

    /// What the operating system said, without NIO's call syntax (`Address already in use`).
    static func reason(_ error: any Error) -> String {
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)) }
        return "\(error)"
    }

    private func bootstrap(readers: ReaderRegistry, tcp: Bool) -> ServerBootstrap {
        let context = self.context
        let policy = tcp ? context.configuration.tcp.map { TCPRequestPolicy(listenerHost: $0.host) } : nil
        let connections = self.connections
        var bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 512)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            // Over 256 KiB unsent, a connection stops being read until it drains (ConnectionGuard).
            .childChannelOption(.writeBufferWaterMark, value: .init(low: 64 << 10, high: 256 << 10))
        if tcp {
            bootstrap = bootstrap.serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
        }
        return bootstrap.childChannelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                let accepted = connections.add(channel)
                let configuration = context.configuration
                try channel.pipeline.syncOperations.addHandler(
                    ConnectionGuard(
                        accepted: accepted, idleTimeout: configuration.idleTimeout,
                        requestTimeout: configuration.requestTimeout))
                guard accepted else { return }
                guard let reader = readers.reader(on: channel.eventLoop) else {
                    throw SocketPath.Refusal(description: "no cache reader for this event loop")
                }
                // Outbound header validation is off: every response header is built here from
                // constants, digits and hex (ETag), never from request bytes.
                try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                    withPipeliningAssistance: true, withErrorHandling: false, withOutboundHeaderValidation: false)
                try channel.pipeline.syncOperations.addHandler(
                    LookupHTTPHandler(server: context, reader: reader, policy: policy))
            }
        }
    }
}
