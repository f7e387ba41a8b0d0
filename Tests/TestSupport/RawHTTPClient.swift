import Foundation
import NIOCore
import NIOPosix

/// A minimal HTTP/1.1 client on a raw NIO socket, for what AsyncHTTPClient cannot do: bind the
/// client side to a chosen local address (`127.0.0.2`, to fetch a signed URL from "another IP")
/// and see exactly which bytes arrived before the server closed (a cut body).
public enum RawHTTPClient {
    /// What came back: the raw bytes and, when they parse, the status, headers and body.
    public struct Response: Sendable {
        public var raw: [UInt8]
        public var status: Int?
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]

        /// The first value of header `name` (case-insensitive).
        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// Sends `GET target` (with `Connection: close`) to `host:port` from `localAddress` and reads
    /// until the server closes.
    public static func get(
        host: String = "127.0.0.1", port: Int, target: String, from localAddress: String = "127.0.0.1",
        headers: [(String, String)] = []
    ) async throws -> Response {
        var request = "GET \(target) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        return try await exchange(host: host, port: port, from: localAddress, request: Array(request.utf8))
    }

    /// Writes `request` bytes from `localAddress` and collects every byte until the server closes.
    public static func exchange(
        host: String, port: Int, from localAddress: String, request: [UInt8]
    ) async throws
        -> Response
    {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(to: try SocketAddress(ipAddress: localAddress, port: 0))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        var raw: [UInt8] = []
        try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(bytes: request))
            do {
                for try await chunk in inbound { raw += chunk.readableBytesView }
            } catch {
                // A reset after a cut body still leaves what arrived in `raw`.
            }
        }
        return parse(raw)
    }

    /// Splits raw bytes into status line, headers and body (no chunked decoding: the sandbox sends
    /// `Content-Length`).
    public static func parse(_ raw: [UInt8]) -> Response {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = raw.indices.first(where: { raw[$0...].starts(with: separator) }) else {
            return Response(raw: raw, status: nil, headers: [], body: [])
        }
        let head = String(decoding: raw[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head.first?.split(separator: " ") ?? []
        let status = statusParts.count >= 2 ? Int(statusParts[1]) : nil
        let headers = head.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return Response(raw: raw, status: status, headers: headers, body: Array(raw[(end + 4)...]))
    }
}
