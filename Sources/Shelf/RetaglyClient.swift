import AsyncHTTPClient
import Core
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// The Retagly API over AsyncHTTPClient (`../shared/contracts/retagly-api.md`): one call per
/// method, each within ``ShelfConfiguration/requestTimeout``, answers sorted into
/// ``RetaglyResult``. It never retries by itself (the pusher owns backoff) and never logs the token.
struct RetaglyClient: Sendable {
    /// The largest answer read (status answers list errors; a few MB is plenty).
    static let maximumAnswerBytes = 8 << 20
    /// RFC 3986 unreserved characters: a session id made of them goes into the path as it is.
    static let unreserved = CharacterSet(charactersIn: "-._~").union(
        CharacterSet(charactersIn: "a"..."z")
    ).union(CharacterSet(charactersIn: "A"..."Z")).union(CharacterSet(charactersIn: "0"..."9"))

    let root: String
    let token: Secret
    let httpClient: HTTPClient
    let timeout: Duration
    let proxy: String?
    let logger: Logger
    let metrics: ShelfMetrics

    init(configuration: ShelfConfiguration, httpClient: HTTPClient, logger: Logger, metrics: ShelfMetrics) {
        self.root = configuration.root
        self.token = configuration.token
        self.httpClient = httpClient
        self.timeout = configuration.requestTimeout
        self.proxy = configuration.proxy
        self.logger = logger
        self.metrics = metrics
    }

    /// `POST /add` or `POST /productUpdate` with `products`.
    func write(_ endpoint: RetaglyCallName, products: [JSONValue]) async -> RetaglyResult {
        await send(endpoint, method: .POST, path: endpoint.path, body: ["products": .array(products)])
    }

    /// `POST /batch/start`.
    func startSession() async -> RetaglyResult {
        await send(.batchStart, method: .POST, path: "/batch/start", body: [:])
    }

    /// `POST /batch/push` of up to 1,000 products into `sessionId`.
    func push(sessionId: String, products: [JSONValue]) async -> RetaglyResult {
        await send(
            .batchPush, method: .POST, path: "/batch/push",
            body: ["sessionId": .string(sessionId), "products": .array(products)])
    }

    /// `POST /batch/complete`.
    func complete(sessionId: String) async -> RetaglyResult {
        await send(.batchComplete, method: .POST, path: "/batch/complete", body: ["sessionId": .string(sessionId)])
    }

    /// `GET /batch/{sessionId}/status`.
    func status(sessionId: String) async -> RetaglyResult {
        let escaped = sessionId.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? sessionId
        return await send(.batchStatus, method: .GET, path: "/batch/\(escaped)/status", body: nil)
    }

    private func send(
        _ endpoint: RetaglyCallName, method: HTTPMethod, path: String, body: JSONValue?
    ) async
        -> RetaglyResult
    {
        var request = HTTPClientRequest(url: root + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token.revealed)")
        request.headers.add(name: "Accept", value: "application/json")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body.jsonText))
        }
        let status: Int
        let headers: HTTPHeaders
        let bytes: ByteBuffer
        do {
            let response = try await httpClient.execute(request, timeout: TimeAmount(timeout))
            status = Int(response.status.code)
            headers = response.headers
            bytes = try await response.body.collect(upTo: Self.maximumAnswerBytes)
        } catch {
            metrics.request(endpoint.rawValue, status: nil)
            let route = proxy.map { ", through the proxy \($0)" } ?? ""
            let reason = "no answer from Retagly (\(Self.describe(error))\(route))"
            logger.debug("retagly call failed", metadata: ["endpoint": "\(endpoint.rawValue)", "reason": "\(reason)"])
            return .retry(retryAfter: nil, reason: reason)
        }
        metrics.request(endpoint.rawValue, status: status)
        let json = try? JSONValue(parsing: bytes.readableBytesView)
        let result = Self.classify(
            status: status, json: json, retryAfter: headers.first(name: "Retry-After"), now: Date())
        logger.debug("retagly call", metadata: ["endpoint": "\(endpoint.rawValue)", "status": "\(status)"])
        return result
    }

    /// Sorts an answer (pure, for tests).
    static func classify(status: Int, json: JSONValue?, retryAfter: String?, now: Date) -> RetaglyResult {
        let error = json.flatMap { RetaglyAnswer.read(ErrorDocument.self, $0)?.error }
        let code = error?.code
        let message = error?.message ?? "HTTP \(status)"
        switch status {
        case 200..<300:
            guard let json else { return .retry(retryAfter: nil, reason: "Retagly answered \(status) without JSON") }
            return .ok(json)
        case 429, 500...599:
            return .retry(retryAfter: retryAfter.flatMap { parseRetryAfter($0, now: now) }, reason: "HTTP \(status)")
        case 404 where code == "session_not_found", 409 where code == "session_completed",
            410 where code == "session_expired" || code == nil:
            return .sessionGone(status: status, code: code ?? "session_expired")
        case 400:
            let items = (error?.items ?? nil) ?? []
            return items.isEmpty ? .refused(status: status, code: code, message: message) : .itemErrors(items)
        case 408:
            return .retry(retryAfter: nil, reason: "HTTP 408")
        default:
            return .refused(status: status, code: code, message: message)
        }
    }

    /// `Retry-After` as delay-seconds or an HTTP date, clamped to `0…1 day` (``RetryAfter``): a
    /// hostile `1e300` or a date in year 9999 is a day, never an overflow.
    static func parseRetryAfter(_ text: String, now: Date) -> Duration? {
        RetryAfter(parsing: text, now: now)?.wait
    }

    /// A short description of a transport error (never holds the token: it is only in a header).
    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError { return "\(error)" }
        return String(describing: type(of: error))
    }
}
