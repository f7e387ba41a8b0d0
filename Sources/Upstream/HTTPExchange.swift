import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Sends one request over the shared `HTTPClient` and reads the whole answer, within a deadline
/// and a size limit. Knows nothing of tokens, pacing or retries.
///
/// The `HTTPClient` should be made with `redirectConfiguration: .disallow`: the image-redirect
/// endpoint is read for its `Location`. A client that follows redirects still works (the answer is
/// then the image itself, flagged ``RawResponse/followedRedirect``).
struct HTTPExchange: Sendable {
    let client: HTTPClient
    /// The proxy `client` goes through (`http://host:port`, no credentials), named in connection
    /// failures so an operator sees which hop failed; `nil` = direct.
    var proxy: String? = nil

    /// Performs the exchange.
    ///
    /// - Parameters:
    ///   - url: the absolute URL (may contain a signed-URL token: never logged here or in errors).
    ///   - maxBytes: the largest body read; a larger `Content-Length` fails before reading.
    func send(
        method: HTTPMethod, url: String, headers: HTTPHeaders, body: [UInt8]?,
        deadline: ContinuousClock.Instant, maxBytes: Int
    ) async -> Result<RawResponse, TransportFailure> {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers = headers
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else { return .failure(.timedOut) }
        let nioDeadline = NIODeadline.now() + TimeAmount(remaining)
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, deadline: nioDeadline)
        } catch {
            return .failure(Self.throughProxy(proxy, Self.classify(error, maxBytes: maxBytes, answerStarted: false)))
        }
        if let length = response.headers.first(name: "Content-Length").flatMap({ Int($0) }), length > maxBytes {
            return .failure(.tooLarge(bytes: length))
        }
        do {
            var buffer = try await response.body.collect(upTo: maxBytes)
            let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
            return .success(
                RawResponse(
                    status: Int(response.status.code), headers: response.headers, body: bytes,
                    followedRedirect: response.history.count > 1))
        } catch {
            guard response.status.code < 400 else {
                // An error status the server sent: nothing was charged, whatever became of its body.
                if Task.isCancelled || error is CancellationError { return .failure(.cancelled) }
                return .failure(.connection("the body of a \(response.status.code) answer was cut short"))
            }
            return .failure(Self.classify(error, maxBytes: maxBytes, answerStarted: true))
        }
    }

    /// Maps a thrown error to a ``TransportFailure`` without keeping any text that could hold a URL.
    ///
    /// A failure before the request could go out (connecting, a pooled connection not found in
    /// time, connection refused) is ``TransportFailure/timedOut`` or ``TransportFailure/connection(_:)``;
    /// one after it may have reached the server (no answer in time, a reset, a body cut short while
    /// `answerStarted` with a status under 400) is ``TransportFailure/lost(_:timedOut:)``.
    static func classify(_ error: any Error, maxBytes: Int, answerStarted: Bool) -> TransportFailure {
        if Task.isCancelled || error is CancellationError { return .cancelled }
        if error is NIOTooManyBytesError { return .tooLarge(bytes: maxBytes) }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout:
                return .timedOut
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return .lost("no answer in time after the request was sent", timedOut: true)
            case .cancelled:
                return .cancelled
            case .remoteConnectionClosed:
                return .lost(
                    answerStarted ? "the body was cut short" : "the connection closed after sending", timedOut: false)
            default:
                if answerStarted { return .lost("the body was cut short (\(error.shortDescription))", timedOut: false) }
                return .connection(error.shortDescription)
            }
        }
        if answerStarted { return .lost("the body was cut short", timedOut: false) }
        if let error = error as? IOError, error.errnoCode == ECONNRESET || error.errnoCode == EPIPE {
            return .lost("the connection was reset after sending", timedOut: false)
        }
        if error is HTTPParserError { return .lost("the answer could not be read", timedOut: false) }
        if let reason = connectFailure(error) { return .connection(reason) }
        return .connection(String(describing: type(of: error)))
    }

    /// A failure to connect, saying it was through `proxy` (the proxy is down, refuses, or wants
    /// credentials: the API itself was never reached).
    static func throughProxy(_ proxy: String?, _ failure: TransportFailure) -> TransportFailure {
        guard let proxy else { return failure }
        switch failure {
        case .connection(let reason): return .connection("\(reason) (through the proxy \(proxy))")
        case .timedOut: return .connection("no connection in time through the proxy \(proxy)")
        default: return failure
        }
    }

    /// A connection that could not be made, in words (`connection refused`), never with an address.
    static func connectFailure(_ error: any Error) -> String? {
        let errors: [any Error]
        if let error = error as? NIOConnectionError {
            errors = error.connectionErrors.map(\.error) + [error.dnsAError, error.dnsAAAAError].compactMap { $0 }
        } else {
            errors = [error]
        }
        for error in errors {
            guard let error = error as? IOError else { continue }
            switch error.errnoCode {
            case ECONNREFUSED: return "connection refused"
            case ENETUNREACH, EHOSTUNREACH: return "no route to the host"
            case ETIMEDOUT: return "connecting timed out"
            default: return "cannot connect (errno \(error.errnoCode))"
            }
        }
        return error is NIOConnectionError ? "cannot connect (the name does not resolve?)" : nil
    }
}
