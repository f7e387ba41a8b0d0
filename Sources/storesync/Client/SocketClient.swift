import AsyncHTTPClient
import Core
import Foundation
import NIOCore
import NIOHTTP1

/// Talks to the running daemon over its local socket (HTTP/1.1 + JSON), for `lookup`, `status`
/// and `resync`.
struct SocketClient {
    /// An answer: status and body (parsed as JSON when it is JSON).
    struct Answer {
        var status: Int
        var body: [UInt8]
        var json: JSONValue? { try? JSONValue(parsing: body) }

        /// The body as the document `type` when the status is `expected`; else the daemon's error
        /// message (or the status), for the person at the terminal.
        func document<T: Decodable>(_ type: T.Type, expected: ClosedRange<Int> = 200...200) throws(Refusal) -> T {
            guard expected.contains(status) else {
                throw Refusal(description: errorMessage ?? "the daemon answered \(status)")
            }
            do { return try JSONValueDecoder().decode(type, from: body) } catch {
                throw Refusal(description: JSONValueDecoder.describe(error, in: "daemon's answer"))
            }
        }

        /// The socket's `{"error": {"code", "message"}}`, if this is one.
        var errorMessage: String? { ErrorDocument(body)?.error.message }
        var errorCode: String? { ErrorDocument(body)?.error.code }
    }

    /// Why an answer is not the document asked for.
    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    /// Why the daemon could not be asked.
    struct Unreachable: Error, CustomStringConvertible {
        let description: String
    }

    let socketPath: String

    func get(_ path: String, timeout: Duration = .seconds(10)) async throws -> Answer {
        try await send("GET", path, body: nil, timeout: timeout)
    }

    func post(_ path: String, json: JSONValue, timeout: Duration = .seconds(10)) async throws -> Answer {
        try await send("POST", path, body: json.jsonBytes, timeout: timeout)
    }

    private func send(_ method: String, _ path: String, body: [UInt8]?, timeout: Duration) async throws -> Answer {
        guard let url = URL(httpURLWithSocketPath: socketPath, uri: path) else {
            throw Unreachable(description: "the socket path \(socketPath) cannot be used in a URL")
        }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = HTTPMethod(rawValue: method)
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        do {
            let response = try await HTTPClient.shared.execute(
                request,
                timeout: TimeAmount(timeout))
            let bytes = try await response.body.collect(upTo: 64 << 20)
            return Answer(status: Int(response.status.code), body: Array(bytes.readableBytesView))
        } catch {
            throw Unreachable(
                description: "cannot reach storesync at \(socketPath) (\(Self.describe(error))); is the daemon running "
                    + "(`systemctl status storesync`), and may this user use the socket (group storesync-pos)?")
        }
    }

    private static func describe(_ error: any Error) -> String {
        let text = "\(error)"
        if text.contains("NIOConnectionError") || text.contains("connectTimeout") { return "connection refused" }
        if text.contains("Permission") || text.contains("EACCES") { return "permission denied" }
        if text.contains("No such file") || text.contains("ENOENT") { return "no such socket" }
        return text.count > 120 ? String(text.prefix(120)) + "…" : text
    }
}
