import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Sends one request over the shared `HTTPClient` and reads the whole answer, within a deadline
/// and a size limit. Knows nothing of tokens, pacing or retries.
///
/// The `HTTPClient` should be made with `redirectConfiguration: .disallow`: the image-redirect
/// endpoint is read for its `Location`. A client that follows redirects still works (the answer is
/// then the image itself, flagged ``RawResponse/followedRedirect``).
struct HTTPExchange: Sendable {
    let client: HTTPClient

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
        let nioDeadline = NIODeadline.now() + .nanoseconds(Self.nanoseconds(remaining))
        do {
            let response = try await client.execute(request, deadline: nioDeadline)
            if let length = response.headers.first(name: "Content-Length").flatMap({ Int($0) }), length > maxBytes {
                return .failure(.tooLarge(bytes: length))
            }
            var buffer = try await response.body.collect(upTo: maxBytes)
            let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
            return .success(
                RawResponse(
                    status: Int(response.status.code), headers: response.headers, body: bytes,
                    followedRedirect: response.history.count > 1))
        } catch {
            return .failure(Self.classify(error, maxBytes: maxBytes))
        }
    }

    /// Maps a thrown error to a ``TransportFailure`` without keeping any text that could hold a URL.
    static func classify(_ error: any Error, maxBytes: Int) -> TransportFailure {
        if Task.isCancelled || error is CancellationError { return .cancelled }
        if error is NIOTooManyBytesError { return .tooLarge(bytes: maxBytes) }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .getConnectionFromPoolTimeout,
                .tlsHandshakeTimeout:
                return .timedOut
            case .cancelled:
                return .cancelled
            default:
                return .connection(error.shortDescription)
            }
        }
        return .connection(String(describing: type(of: error)))
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
