import Core
import Foundation
import Logging
import NIOHTTP1

extension RetailDigitalsClient {
    /// Runs one authenticated call to completion: stop switches, the credit cap, a valid token,
    /// pacing, the exchange, and the contract's answer to each failure (retry with backoff, refresh,
    /// re-authenticate, park, stop). `decode` runs inside the loop, so a cut or garbled body of a
    /// free or idempotent call is retried like a 5xx; a paid call whose answer is lost after it went
    /// out (timeout, reset, cut or garbled body) is never re-sent here: it fails `answerLost`, counted
    /// as lost credits (see ``lostAnswer(_:reason:charged:)``).
    func call<T: Sendable>(
        _ spec: CallSpec, purpose: RequestPurpose, deadline: ContinuousClock.Instant,
        decode: (RawResponse, ResponseFacts) throws(DecodeFailure) -> T
    ) async throws(UpstreamError) -> T {
        try gate.check()
        let day = RateLimitState.utcDay(clock.serverNow())
        let reservation = try await credits.admit(
            cost: spec.expectedCost, day: day, resumeAt: pacer.nextMidnightLocal())
        var debited = Credits.zero
        let result = await attempts(spec, purpose: purpose, deadline: deadline, debited: &debited, decode: decode)
        await credits.settle(reservation, debited: debited, day: RateLimitState.utcDay(clock.serverNow()))
        switch result {
        case .success(let value):
            return value
        case .failure(let error):
            gate.noteError(error)
            throw error
        }
    }

    private func attempts<T: Sendable>(
        _ spec: CallSpec, purpose: RequestPurpose, deadline: ContinuousClock.Instant, debited: inout Credits,
        decode: (RawResponse, ResponseFacts) throws(DecodeFailure) -> T
    ) async -> Result<T, UpstreamError> {
        var failures = 0
        var rateLimits = 0
        var refreshedAfterExpiry = false
        var reauthenticated = false
        var lastError = UpstreamError.timedOut
        while true {
            var retryAfter: Duration?
            let token: Secret
            do throws(UpstreamError) {
                if Task.isCancelled { throw UpstreamError.cancelled }
                try gate.check()
                token = try await tokens.accessToken(deadline: deadline)
                try await pacer.begin(purpose: purpose, deadline: deadline)
            } catch {
                if error == .timedOut || error.reasonCode == "unavailable" { gate.noteReachable(false) }
                // Out of time after failed attempts: their reason says more than "timed out".
                return .failure(error == .timedOut && failures > 0 ? lastError : error)
            }
            let sent = await send(spec, token: token, deadline: deadline)
            pacer.end()
            switch sent {
            case .failure(let failure):
                metrics.call(spec.endpoint, status: UpstreamMetrics.label(failure))
                switch failure {
                case .cancelled: return .failure(.cancelled)
                case .tooLarge(let bytes):
                    return .failure(.badResponse("an answer of \(bytes) bytes is over the limit"))
                case .lost(let reason, _) where !spec.resendsAfterLostAnswer:
                    gate.noteReachable(false)
                    let (error, charge) = lostAnswer(spec, reason: reason, charged: nil)
                    debited = debited + charge
                    return .failure(error)
                case .timedOut, .lost(_, timedOut: true):
                    // An attempt cut short by the call's deadline keeps the reason of the failures before it.
                    if failures == 0 || ContinuousClock.now < deadline { lastError = .timedOut }
                case .connection(let reason):
                    lastError = .unavailable(reason)
                    gate.noteTransportFailure(lastError)
                case .lost(let reason, timedOut: false): lastError = .unavailable(reason)
                }
                gate.noteReachable(false)
            case .success(let raw):
                gate.noteReachable(true)
                let facts = observe(raw, endpoint: spec.endpoint)
                debited = debited + (facts.creditsDebited ?? .zero)
                let code = raw.status >= 400 ? ErrorDocument(raw.body)?.error.code : nil
                switch AttemptVerdict.classify(status: raw.status, code: code, acceptsRedirect: spec.acceptsRedirect) {
                case .success:
                    do throws(DecodeFailure) {
                        let value = try decode(raw, facts)
                        if facts.creditsDebited == nil, let reported = (value as? any DebitReporting)?.creditsDebited {
                            debited = debited + reported
                        }
                        return .success(value)
                    } catch {
                        switch error {
                        case .malformed(let reason) where !spec.resendsAfterLostAnswer:
                            let (error, charge) = lostAnswer(
                                spec, reason: "a garbled body: \(reason)", charged: facts.creditsDebited)
                            debited = debited + charge
                            return .failure(error)
                        case .malformed(let reason): lastError = .badResponse(reason)
                        case .contract(let reason): return .failure(.badResponse(reason))
                        }
                    }
                case .transient:
                    lastError = .unavailable("\(spec.endpoint.rawValue) answered \(raw.status)")
                    retryAfter = facts.retryAfter
                case .rateLimited:
                    metrics.rateLimited(spec.endpoint)
                    rateLimits += 1
                    if pacer.observeRateLimited(facts.rateLimit, retryAfter: facts.retryAfter) {
                        let resume = pacer.nextMidnightLocal()
                        logger.warning("the day's request budget is spent; parking until midnight UTC (server clock)")
                        return .failure(.dayBudgetSpent(resumeAt: resume))
                    }
                    logger.notice(
                        "rate limited by upstream; waiting",
                        metadata: ["retry_after": "\(facts.retryAfter.map(DurationText.format) ?? "-")"])
                    if rateLimits > 50 { return .failure(.rateLimited(resumeAt: clock.wall.now() + .seconds(60))) }
                    continue
                case .tokenExpired:
                    guard !refreshedAfterExpiry else {
                        return .failure(.unavailable("the access token was refused as expired right after a refresh"))
                    }
                    refreshedAfterExpiry = true
                    do throws(UpstreamError) {
                        _ = try await tokens.renew(after: token, reason: .expired, deadline: deadline)
                    } catch {
                        return .failure(error)
                    }
                    continue
                case .tokenRejected:
                    guard !reauthenticated else {
                        return .failure(.unavailable("the access token was refused right after re-authenticating"))
                    }
                    reauthenticated = true
                    logger.notice(
                        "the access token was refused; authenticating with the credentials",
                        metadata: ["code": "\(code ?? "")"])
                    do throws(UpstreamError) {
                        _ = try await tokens.renew(after: token, reason: .rejected, deadline: deadline)
                    } catch {
                        return .failure(error)
                    }
                    continue
                case .insufficientCredits:
                    credits.stopSpending(
                        balance: facts.creditsRemaining, refusedCost: max(spec.expectedCost, Credits(thousandths: 1)))
                    logger.error(
                        "upstream has no credits for this call (402); paid calls stop until the account is topped up",
                        metadata: ["credits_remaining": "\(facts.creditsRemaining?.description ?? "-")"])
                    return .failure(.insufficientCredits)
                case .clientDisabled:
                    gate.disable()
                    await tokens.forget()
                    logger.critical("upstream disabled this API client (403 client_disabled); all upstream calls stop")
                    return .failure(.clientDisabled)
                case .fail(let error):
                    if error == .invalidCredentials { gate.refuseCredentials() }
                    return .failure(error)
                }
            }
            failures += 1
            guard
                let wait = configuration.retry.wait(
                    beforeRetry: failures, remaining: deadline - ContinuousClock.now, retryAfter: retryAfter,
                    unitRandom: Double.random(in: 0..<1))
            else { return .failure(lastError) }
            metrics.retry(spec.endpoint)
            logger.info(
                "retrying an upstream call",
                metadata: [
                    "endpoint": "\(spec.endpoint.rawValue)", "attempt": "\(failures + 1)", "reason": "\(lastError)",
                    "wait": "\(DurationText.format(wait))",
                ])
            do throws(UpstreamError) {
                try await clock.wall.pause(wait, within: deadline)
            } catch {
                return .failure(error)
            }
        }
    }

    private func send(
        _ spec: CallSpec, token: Secret, deadline: ContinuousClock.Instant
    ) async
        -> Result<RawResponse, TransportFailure>
    {
        var headers = HTTPHeaders()
        headers.add(name: "Authorization", value: "Bearer \(token.revealed)")
        headers.add(name: "Accept", value: "application/json")
        headers.add(name: "User-Agent", value: "storesync")
        if spec.body != nil { headers.add(name: "Content-Type", value: "application/json") }
        for (name, value) in spec.extraHeaders { headers.add(name: name, value: value) }
        // A paid call that may not be re-sent gets the whole deadline: a short timeout would cut a slow
        // answer that was already charged.
        let attemptDeadline =
            spec.resendsAfterLostAnswer ? min(deadline, ContinuousClock.now + configuration.requestTimeout) : deadline
        return await exchange.send(
            method: spec.method, url: configuration.baseURL + spec.path, headers: headers, body: spec.body,
            deadline: attemptDeadline, maxBytes: spec.maxBytes)
    }

    /// Takes in the common headers of an answer: server clock, rate limits, balance, metrics, a log line.
    func observe(_ raw: RawResponse, endpoint: Endpoint) -> ResponseFacts {
        let facts = ResponseFacts(headers: raw.headers, localNow: clock.wall.now())
        hostile.report(facts.problems, endpoint: endpoint)
        if let serverDate = facts.serverDate { pacer.clockMoved(by: clock.observe(serverDate: serverDate)) }
        pacer.observe(facts.rateLimit)
        metrics.rateLimitRemaining(facts.rateLimit)
        if let remaining = facts.creditsRemaining {
            credits.observeRemaining(remaining)
            metrics.creditsRemaining(remaining)
        }
        if let debited = facts.creditsDebited { metrics.debited(debited) }
        metrics.call(endpoint, status: String(raw.status))
        logger.debug(
            "upstream call",
            metadata: [
                "endpoint": "\(endpoint.rawValue)", "status": "\(raw.status)",
                "request_id": "\(facts.requestID ?? "-")", "debited": "\(facts.creditsDebited?.description ?? "-")",
            ])
        return facts
    }
}
