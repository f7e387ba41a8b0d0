import AsyncHTTPClient
import Core
import Foundation
import NIOCore
import NIOHTTP1

/// A test client of the emulated Retail Digitals API over real HTTP (AsyncHTTPClient, redirects
/// not followed), with the token dance and JSON decoding done for the test.
public struct SandboxTestClient: Sendable {
    /// `http://127.0.0.1:PORT/api/v1`.
    public let baseURL: String

    /// One shared client for every test (never shut down: it lives as long as the test process).
    public static let http = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup,
        configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))

    public init(baseURL: String) { self.baseURL = baseURL }

    /// Sends one request to `path` (relative to ``baseURL``, e.g. `/products/017000161563`).
    public func send(
        _ method: SandboxHTTPMethod = .GET, _ path: String, token: String? = nil, headers: [(String, String)] = [],
        body: [UInt8]? = nil, deadline: Duration = .seconds(30)
    ) async throws -> SandboxTestResponse {
        try await send(url: baseURL + path, method, token: token, headers: headers, body: body, deadline: deadline)
    }

    /// Sends one request to an absolute URL.
    public func send(
        url: String, _ method: SandboxHTTPMethod = .GET, token: String? = nil, headers: [(String, String)] = [],
        body: [UInt8]? = nil, deadline: Duration = .seconds(30)
    ) async throws -> SandboxTestResponse {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method.rawValue)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await Self.http.execute(request, timeout: TimeAmount(deadline))
        let buffer = try await response.body.collect(upTo: 16 << 20)
        return SandboxTestResponse(
            status: Int(response.status.code), headers: response.headers, body: Array(buffer.readableBytesView))
    }

    /// Sends a JSON body.
    public func send(
        _ method: SandboxHTTPMethod, _ path: String, token: String? = nil, headers: [(String, String)] = [],
        json: JSONValue
    ) async throws -> SandboxTestResponse {
        try await send(method, path, token: token, headers: headers, body: json.jsonBytes)
    }

    /// `POST /auth/token` with the given credentials; throws unless it answers 200.
    public func token(
        clientID: String = "rd_client_sandbox", apiKey: String = "sk_test_sandbox"
    ) async throws
        -> SandboxTokens
    {
        let response = try await send(
            .POST, "/auth/token", json: ["client_id": .string(clientID), "api_key": .string(apiKey)])
        guard response.status == 200, let access = response.json?["access_token"]?.stringValue,
            let refresh = response.json?["refresh_token"]?.stringValue
        else { throw SandboxTestFailure("POST /auth/token answered \(response.status): \(response.text)") }
        return SandboxTokens(access: access, refresh: refresh)
    }
}

/// The HTTP methods the tests send (named like NIO's, so call sites read `.GET`, `.POST`).
public enum SandboxHTTPMethod: String, Sendable {
    case GET, HEAD, POST, DELETE
}

/// An access token and its refresh token.
public struct SandboxTokens: Sendable, Hashable {
    public var access: String
    public var refresh: String
}

/// One answer, read whole.
public struct SandboxTestResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]

    /// The body parsed as JSON, or `nil`.
    public var json: JSONValue? { try? JSONValue(parsing: body) }

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The first value of header `name`.
    public func header(_ name: String) -> String? { headers.first(name: name) }

    /// `error.code` of an error body.
    public var errorCode: String? { json?["error"]?["code"]?.stringValue }

    /// `meta.credits_debited` as exact credits.
    public var creditsDebited: Credits? { json?["meta"]?["credits_debited"]?.creditsValue }
}

/// A failed expectation inside a helper.
public struct SandboxTestFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
