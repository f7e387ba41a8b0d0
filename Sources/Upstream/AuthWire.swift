import Core
import Foundation
import Logging
import NIOHTTP1

/// The two unauthenticated token calls, `POST /auth/token` and `POST /auth/refresh`, with their
/// own retry rules. They count only against the per-IP auth throttle, not the client's budget.
struct AuthWire: Sendable {
    /// Why a refresh gave no new pair.
    enum RefreshFailure: Error, Sendable {
        /// The refresh token was refused (`refresh_token_invalid`, `refresh_token_reused`, …).
        case refused(String)
        /// No clear answer (5xx, timeout, reset, unreadable body): the token may be consumed.
        case unknown(String)
        /// An answer that ends all renewal (`client_disabled`, …).
        case fatal(UpstreamError)
    }

    let exchange: HTTPExchange
    let baseURL: String
    let credentials: UpstreamCredentials
    let retry: RetryPolicy
    /// The daemon's clock: `Retry-After` waits and backoff are slept on it.
    let clock: WallClock
    let requestTimeout: Duration
    let metrics: UpstreamMetrics
    let hostile: HostileValueLog
    /// Told of transport failures at once, so status shows why auth cannot be reached.
    let gate: AccessGate
    let logger: Logger

    /// Exchanges the client id and api key for a new pair, retrying transient failures and waiting
    /// out the auth throttle within `deadline`.
    func exchangeCredentials(deadline: ContinuousClock.Instant) async -> Result<IssuedTokens, UpstreamError> {
        let body = JSONValue.object([
            ("client_id", .string(credentials.clientID)), ("api_key", .string(credentials.apiKey.revealed)),
        ]).jsonBytes
        var attempt = 0
        var lastError = UpstreamError.timedOut
        while true {
            attempt += 1
            var retryAfter: Duration?
            switch await post("/auth/token", body: body, endpoint: .token, deadline: deadline) {
            case .failure(.cancelled):
                return .failure(.cancelled)
            case .failure(let failure):
                lastError = failure == .timedOut ? .timedOut : .unavailable("auth/token: \(failure)")
                if case .connection = failure { gate.noteTransportFailure(lastError) }
            case .success(let raw):
                let code = ErrorDocument(raw.body)?.error.code ?? ""
                switch raw.status {
                case 200..<300:
                    do throws(DecodeFailure) {
                        return .success(try IssuedTokens(body: raw.body))
                    } catch {
                        lastError = .badResponse("auth/token answered without a usable token pair: \(error.reason)")
                    }
                case 401: return .failure(.invalidCredentials)
                case 403: return .failure(code == "client_disabled" ? .clientDisabled : .forbidden(code: code))
                case 429:
                    let wait = retryAfterHeader(raw, endpoint: .token) ?? .seconds(1)
                    retryAfter = wait
                    lastError = .rateLimited(resumeAt: clock.now() + wait)
                    attempt -= 1
                case 500...:
                    lastError = .unavailable("auth/token answered \(raw.status)")
                default:
                    return .failure(.badResponse("auth/token answered \(raw.status) \(code)"))
                }
            }
            let remaining = deadline - ContinuousClock.now
            guard
                let wait = retry.wait(
                    beforeRetry: max(attempt, 1), remaining: remaining, retryAfter: retryAfter,
                    unitRandom: Double.random(in: 0..<1))
            else { return .failure(lastError) }
            metrics.retry(.token)
            do throws(UpstreamError) {
                try await clock.pause(wait, within: deadline)
            } catch {
                return .failure(error)
            }
        }
    }

    /// Sends one refresh. Only a 429 (not processed) is sent again with the same token.
    func refresh(
        _ refreshToken: Secret, deadline: ContinuousClock.Instant
    ) async -> Result<IssuedTokens, RefreshFailure> {
        let body = JSONValue.object([("refresh_token", .string(refreshToken.revealed))]).jsonBytes
        while true {
            switch await post("/auth/refresh", body: body, endpoint: .refresh, deadline: deadline) {
            case .failure(.cancelled):
                return .failure(.unknown("cancelled"))
            case .failure(let failure):
                return .failure(.unknown(failure.description))
            case .success(let raw):
                let code = ErrorDocument(raw.body)?.error.code ?? ""
                switch raw.status {
                case 200..<300:
                    do throws(DecodeFailure) {
                        return .success(try IssuedTokens(body: raw.body))
                    } catch {
                        return .failure(.unknown("unreadable answer: \(error.reason)"))
                    }
                case 401, 400: return .failure(.refused(code.isEmpty ? "\(raw.status)" : code))
                case 403: return .failure(.fatal(code == "client_disabled" ? .clientDisabled : .forbidden(code: code)))
                case 429:
                    let wait = retryAfterHeader(raw, endpoint: .refresh) ?? .seconds(1)
                    guard ContinuousClock.now + wait < deadline else {
                        return .failure(.fatal(.rateLimited(resumeAt: clock.now() + wait)))
                    }
                    do throws(UpstreamError) {
                        try await clock.pause(wait, within: deadline)
                    } catch {
                        return .failure(.unknown("cancelled"))
                    }
                default:
                    return .failure(.unknown("auth/refresh answered \(raw.status)"))
                }
            }
        }
    }

    /// The answer's `Retry-After` (clamped to a day), reporting a hostile value once.
    private func retryAfterHeader(_ raw: RawResponse, endpoint: Endpoint) -> Duration? {
        let facts = ResponseFacts(headers: raw.headers, localNow: clock.now())
        hostile.report(facts.problems, endpoint: endpoint)
        return facts.retryAfter
    }

    private func post(
        _ path: String, body: [UInt8], endpoint: Endpoint, deadline: ContinuousClock.Instant
    ) async
        -> Result<RawResponse, TransportFailure>
    {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Accept", value: "application/json")
        headers.add(name: "User-Agent", value: "storesync")
        let attemptDeadline = min(deadline, ContinuousClock.now + requestTimeout)
        let result = await exchange.send(
            method: .POST, url: baseURL + path, headers: headers, body: body, deadline: attemptDeadline,
            maxBytes: 64 * 1024)
        switch result {
        case .success(let raw):
            metrics.call(endpoint, status: String(raw.status))
            logger.debug(
                "upstream auth call", metadata: ["endpoint": "\(endpoint.rawValue)", "status": "\(raw.status)"])
        case .failure(let failure):
            metrics.call(endpoint, status: UpstreamMetrics.label(failure))
            logger.debug(
                "upstream auth call failed", metadata: ["endpoint": "\(endpoint.rawValue)", "reason": "\(failure)"])
        }
        return result
    }
}
