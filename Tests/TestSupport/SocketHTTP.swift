import Foundation
import NIOCore
import NIOPosix

/// A raw HTTP/1.1 client over a Unix socket or TCP for socket-API tests: it sends exactly the bytes
/// given (malformed ones included), optionally in slow chunks, and parses back as many complete
/// responses as arrive (keep-alive and pipelining), noticing when the server closes.
public enum SocketHTTP {
    /// Where to connect.
    public enum Endpoint: Sendable {
        case unix(String)
        case tcp(host: String, port: Int)
    }

    /// What an exchange produced.
    public struct Outcome: Sendable {
        public var responses: [RawHTTPClient.Response]
        /// The server closed the connection before the client stopped reading.
        public var closedByServer: Bool
        public var leftover: [UInt8]
    }

    /// One `method path` request (keep-alive off), its response.
    public static func request(
        _ endpoint: Endpoint, _ method: String = "GET", _ path: String, headers: [(String, String)] = [],
        body: [UInt8] = [], timeout: Duration = .seconds(30)
    ) async throws -> RawHTTPClient.Response {
        let outcome = try await exchange(
            endpoint, chunks: [requestBytes(method, path, headers: headers, body: body, close: true)],
            expecting: 1, headRequest: method == "HEAD", timeout: timeout)
        guard let response = outcome.responses.first else { throw SocketHTTPError.noResponse(outcome.leftover) }
        return response
    }

    /// The bytes of a well-formed request.
    public static func requestBytes(
        _ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = [], close: Bool = false
    ) -> [UInt8] {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: localhost\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" { text += "Content-Length: \(body.count)\r\n" }
        if close { text += "Connection: close\r\n" }
        text += "\r\n"
        return Array(text.utf8) + body
    }

    /// Sends `chunks` (pausing `pause` between them) and reads until `expecting` responses arrived,
    /// the server closed, or `timeout` passed.
    public static func exchange(
        _ endpoint: Endpoint, chunks: [[UInt8]], pause: Duration = .zero, expecting: Int, headRequest: Bool = false,
        timeout: Duration = .seconds(30)
    ) async throws -> Outcome {
        let channel = try await connect(endpoint)
        return try await channel.executeThenClose { inbound, outbound in
            try await withThrowingTaskGroup(of: Outcome?.self) { group in
                group.addTask {
                    for (index, chunk) in chunks.enumerated() {
                        if index > 0, pause > .zero { try await Task.sleep(for: pause) }
                        try? await outbound.write(ByteBuffer(bytes: chunk))
                    }
                    try await Task.sleep(for: .seconds(3600))
                    return nil
                }
                group.addTask {
                    var parser = ResponseParser(headRequest: headRequest)
                    var closed = true
                    do {
                        for try await chunk in inbound {
                            parser.feed(Array(chunk.readableBytesView))
                            if parser.responses.count >= expecting {
                                closed = false
                                break
                            }
                        }
                    } catch {}
                    return Outcome(responses: parser.responses, closedByServer: closed, leftover: parser.buffer)
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                let first = try await group.next() ?? nil
                group.cancelAll()
                guard let first else { throw SocketHTTPError.timedOut }
                return first
            }
        }
    }

    private static func connect(_ endpoint: Endpoint) async throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        let wrap: @Sendable (any Channel) -> EventLoopFuture<NIOAsyncChannel<ByteBuffer, ByteBuffer>> = { channel in
            channel.eventLoop.makeCompletedFuture {
                try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
        switch endpoint {
        case .unix(let path): return try await bootstrap.connect(unixDomainSocketPath: path, channelInitializer: wrap)
        case .tcp(let host, let port):
            return try await bootstrap.connect(host: host, port: port, channelInitializer: wrap)
        }
    }
}

/// Why an exchange produced nothing.
public enum SocketHTTPError: Error {
    case timedOut
    case noResponse([UInt8])
}

/// Splits a byte stream into complete responses (by `Content-Length`; no chunked encoding).
struct ResponseParser {
    var buffer: [UInt8] = []
    var responses: [RawHTTPClient.Response] = []
    let headRequest: Bool

    init(headRequest: Bool) { self.headRequest = headRequest }

    mutating func feed(_ bytes: [UInt8]) {
        buffer += bytes
        while let response = next() { responses.append(response) }
    }

    private mutating func next() -> RawHTTPClient.Response? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard buffer.count >= 4,
            let end = (0...(buffer.count - 4)).first(where: { buffer[$0..<($0 + 4)].elementsEqual(separator) })
        else { return nil }
        let head = RawHTTPClient.parse(Array(buffer[..<(end + 4)]))
        let length = head.header("content-length").flatMap { Int($0) } ?? 0
        let bodyLength = headRequest || head.status == 304 ? 0 : length
        guard buffer.count >= end + 4 + bodyLength else { return nil }
        let raw = Array(buffer[..<(end + 4 + bodyLength)])
        buffer.removeFirst(end + 4 + bodyLength)
        var response = RawHTTPClient.parse(raw)
        response.body = Array(raw[(end + 4)...])
        return response
    }
}
