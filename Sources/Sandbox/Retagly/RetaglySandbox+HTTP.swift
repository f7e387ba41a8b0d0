import Core
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

extension RetaglySandbox {
    /// Reads the request, hands it to the state under the lock, and turns the outcome into a response.
    func respond(_ endpoint: RetaglyEndpoint, to request: Request, sessionId: String? = nil) async throws -> Response {
        var request = request
        var body: [UInt8]?
        do {
            let buffer = try await request.collectBody(upTo: Self.maximumBodyBytes)
            body = Array(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            body = nil
        }
        let call = RetaglyCall(
            endpoint: endpoint, token: Self.bearerToken(request.headers[.authorization]), body: body,
            pathSessionId: sessionId, now: clock.now())
        let outcome = state.withLock { $0.handle(call) }
        logger.debug(
            "retagly request",
            metadata: ["endpoint": "\(endpoint.rawValue)", "status": "\(outcome.status)"])
        if let delay = outcome.delay { try await Task.sleep(for: delay) }
        return Self.response(for: outcome)
    }

    /// The token of an `Authorization: Bearer <token>` header (scheme case-insensitive).
    static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// The HTTP response of an outcome: JSON, `Retry-After` when due, or a connection cut after the head.
    static func response(for outcome: RetaglyOutcome) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if let retryAfter = outcome.retryAfter { headers[.retryAfter] = String(retryAfter) }
        let status = HTTPResponse.Status(code: outcome.status)
        if outcome.closeConnection {
            headers[.contentLength] = "64"
            return Response(status: status, headers: headers, body: ResponseBody { _ in throw RetaglyConnectionCut() })
        }
        return json(outcome.body, status: status, headers: headers)
    }

    /// A JSON response.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(
            status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: value.jsonText)))
    }
}
