import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A local HTTP `CONNECT` proxy on SwiftNIO, for tests of the daemon behind a store's proxy: it
/// answers `CONNECT host:port` with `200` and forwards bytes both ways, counting the tunnels and
/// remembering their targets. With `credentials`, a `CONNECT` without the matching
/// `Proxy-Authorization: Basic …` gets `407` (counted in ``refusals``). Anything but `CONNECT`
/// gets `405`: the daemon must tunnel, never send a request in the clear to the proxy.
public final class ConnectProxy: Sendable {
    private struct State {
        var requests: [String] = []
        var targets: [String] = []
        var refusals = 0
        var authorizations: [String] = []
    }

    /// The proxy's port on 127.0.0.1.
    public let port: Int
    private let credentials: (user: String, password: String)?
    private let state = Mutex(State())

    private init(port: Int, credentials: (user: String, password: String)?) {
        self.port = port
        self.credentials = credentials
    }

    /// `http://127.0.0.1:PORT`, with `user:password@` when the proxy wants credentials.
    public var url: String {
        guard let credentials else { return "http://127.0.0.1:\(port)" }
        return "http://\(credentials.user):\(credentials.password)@127.0.0.1:\(port)"
    }

    /// Tunnels opened so far.
    public var tunnels: Int { state.withLock { $0.targets.count } }
    /// The `host:port` of every tunnel, in order.
    public var targets: [String] { state.withLock { $0.targets } }
    /// The request lines (`GET /api/v1/products/…`) seen inside tunnels to plain-HTTP targets (the
    /// sandbox), so a test can tell which API's calls went through.
    public var requests: [String] { state.withLock { $0.requests } }
    /// `CONNECT`s refused with `407`.
    public var refusals: Int { state.withLock { $0.refusals } }
    /// The `Proxy-Authorization` values received.
    public var authorizations: [String] { state.withLock { $0.authorizations } }

    /// Runs a proxy for the time of `body`, then closes it and every tunnel.
    public static func withRunning<T: Sendable>(
        credentials: (user: String, password: String)? = nil, _ body: (ConnectProxy) async throws -> T
    ) async throws -> T {
        let group = MultiThreadedEventLoopGroup.singleton
        let server = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let proxy = ConnectProxy(port: server.channel.localAddress?.port ?? 0, credentials: credentials)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                try await withThrowingDiscardingTaskGroup { connections in
                    try await server.executeThenClose { inbound in
                        for try await connection in inbound {
                            connections.addTask { await proxy.serve(connection) }
                        }
                    }
                }
            }
            do {
                let value = try await body(proxy)
                tasks.cancelAll()
                try? await server.channel.close()
                return value
            } catch {
                tasks.cancelAll()
                try? await server.channel.close()
                throw error
            }
        }
    }

    /// A port on 127.0.0.1 where nothing listens (a proxy that is down): bound, then closed.
    public static func deadPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }

    /// Records the HTTP/1.1 request lines that start in `chunk` (AsyncHTTPClient writes a request's
    /// head in one piece).
    private func noteRequests(in chunk: ByteBuffer) {
        let text = String(decoding: chunk.readableBytesView, as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n").filter { line in
            line.hasSuffix(" HTTP/1.1")
                && ["GET ", "POST ", "HEAD ", "PUT ", "DELETE "].contains { line.hasPrefix($0) }
        }
        let found = lines.map { String($0.dropLast(" HTTP/1.1".count)) }
        if !found.isEmpty { state.withLock { $0.requests += found } }
    }

    private func serve(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        try? await connection.executeThenClose { inbound, outbound in
            var iterator = inbound.makeAsyncIterator()
            var head = ByteBuffer()
            var end: Int?
            while end == nil {
                guard var chunk = try await iterator.next(), head.readableBytes < 16_384 else { return }
                head.writeBuffer(&chunk)
                end = head.readableBytesView.firstRange(of: Array("\r\n\r\n".utf8))?.upperBound
            }
            guard let end else { return }
            let text = String(decoding: head.readableBytesView[..<end], as: UTF8.self)
            var leftover = ByteBuffer(bytes: head.readableBytesView[end...])
            let lines = text.components(separatedBy: "\r\n")
            let request = lines[0].split(separator: " ")
            guard request.count == 3, request[0] == "CONNECT", let colon = request[1].lastIndex(of: ":"),
                let targetPort = Int(request[1][request[1].index(after: colon)...])
            else {
                try await outbound.write(
                    ByteBuffer(string: "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"))
                return
            }
            let host = String(request[1][..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            let authorization = lines.dropFirst().first { $0.lowercased().hasPrefix("proxy-authorization:") }
                .map { String($0.dropFirst("proxy-authorization:".count)).trimmingCharacters(in: .whitespaces) }
            if let authorization { state.withLock { $0.authorizations.append(authorization) } }
            if let credentials {
                let expected = "Basic " + Data("\(credentials.user):\(credentials.password)".utf8).base64EncodedString()
                guard authorization == expected else {
                    state.withLock { $0.refusals += 1 }
                    try await outbound.write(
                        ByteBuffer(
                            string: "HTTP/1.1 407 Proxy Authentication Required\r\n"
                                + "Proxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n"))
                    return
                }
            }
            let target: NIOAsyncChannel<ByteBuffer, ByteBuffer>
            do {
                target = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .connect(host: host, port: targetPort) { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                        }
                    }
            } catch {
                try await outbound.write(ByteBuffer(string: "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"))
                return
            }
            state.withLock { $0.targets.append("\(host):\(targetPort)") }
            // Everything with `target` happens inside `executeThenClose`: an NIOAsyncChannel
            // dropped without it traps.
            try await target.executeThenClose { targetInbound, targetOutbound in
                try await outbound.write(ByteBuffer(string: "HTTP/1.1 200 Connection Established\r\n\r\n"))
                if leftover.readableBytes > 0 { try await targetOutbound.write(leftover) }
                leftover.clear()
                try await withThrowingTaskGroup(of: Void.self) { pumps in
                    pumps.addTask {
                        for try await chunk in targetInbound { try await outbound.write(chunk) }
                        // The target closed: so does the tunnel (the client then closes its side).
                        outbound.finish()
                    }
                    while let chunk = try await iterator.next() {
                        self.noteRequests(in: chunk)
                        try await targetOutbound.write(chunk)
                    }
                    pumps.cancelAll()
                }
            }
        }
    }
}
