import AsyncHTTPClient
import Core
import NIOCore
import NIOHTTP1

/// A small HTTP client for tests that talk to a Retagly sandbox over real loopback HTTP
/// (AsyncHTTPClient's shared client): bearer auth, JSON bodies, whole answers.
public struct RetaglyTestClient: Sendable {
    /// `http://127.0.0.1:PORT`
    public let origin: String

    public init(origin: String) { self.origin = origin }

    /// Sends one request to `path` (e.g. `/retagly/add`) and reads the whole answer. `authorization`
    /// replaces the `Bearer <token>` header when set; a `nil` token sends none.
    public func call(
        _ method: RetaglyMethod, _ path: String, token: String?, body: JSONValue? = nil, rawBody: String? = nil,
        authorization: String? = nil
    ) async throws -> RetaglyReply {
        var request = HTTPClientRequest(url: origin + path)
        request.method = HTTPMethod(rawValue: method.rawValue)
        if let authorization {
            request.headers.add(name: "Authorization", value: authorization)
        } else if let token {
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
        }
        if let text = rawBody ?? body?.jsonText {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: text))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 64 * 1024 * 1024)
        let text = String(buffer: bytes)
        return RetaglyReply(
            status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) }, text: text,
            json: (try? JSONValue(parsing: text)) ?? .null)
    }
}

/// The HTTP methods the Retagly API and its control plane use.
public enum RetaglyMethod: String, Sendable {
    case GET, POST, PUT
}

/// A whole answer from a Retagly sandbox.
public struct RetaglyReply: Sendable {
    public let status: Int
    /// Header names and values as received.
    public let headers: [(name: String, value: String)]
    public let text: String
    /// The body as JSON (`null` when it is not JSON).
    public let json: JSONValue

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// `error.code` of an error answer.
    public var errorCode: String? { json["error"]?["code"]?.stringValue }
    /// `error.items` of a 400.
    public var items: [JSONValue] { json["error"]?["items"]?.arrayValue ?? [] }
}
