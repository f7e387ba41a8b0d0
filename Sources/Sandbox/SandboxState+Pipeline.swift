import Core
import Foundation

extension SandboxState {
    /// What an authenticated endpoint's logic is told about its caller.
    struct Caller: Sendable {
        var clientID: String
        var familyID: String
    }

    /// The `Content-Type` of every JSON answer.
    static let jsonContentType = "application/json; charset=utf-8"

    /// Runs an endpoint that takes a Bearer token: authentication, the client's rate-limit windows,
    /// account checks, the endpoint's logic, charging, `meta`, idempotent storage, the full common
    /// header set and the ledger entry.
    mutating func authenticated(
        _ request: SandboxAPIRequest, now: Date, fault: Fault?,
        _ logic: (inout SandboxState, Caller) throws(SandboxAPIError) -> SandboxHandled
    ) -> SandboxAPIResponse {
        var entry = ledgerEntry(request, now: now)
        entry.fault = fault?.name
        entry.injected = fault != nil
        let nowSeconds = Self.seconds(now)
        let caller: Caller
        switch authenticate(request, now: nowSeconds) {
        case .success(let found):
            caller = found
        case .failure(let failure):
            entry.clientID = failure.clientID
            if failure.revoked, let clientID = failure.clientID,
                let replay = revokeReplayAfterRevocation(request, clientID: clientID, now: nowSeconds)
            {
                clients[clientID]?.roll(to: nowSeconds)
                return finish(replay, request: request, clientID: clientID, now: now, entry: &entry)
            }
            return unauthenticatedError(failure.error, request: request, entry: &entry)
        }
        entry.clientID = caller.clientID
        clients[caller.clientID]!.roll(to: nowSeconds)
        var client = clients[caller.clientID]!
        if request.endpoint.countsForRateLimit {
            let account = client.account
            if client.minute.count >= account.requestsPerMinute || client.day.count >= account.requestsPerDay {
                var retryAfter = 0
                if client.minute.count >= account.requestsPerMinute {
                    retryAfter = client.minute.retryAfter(now: now.timeIntervalSince1970)
                }
                if client.day.count >= account.requestsPerDay {
                    retryAfter = max(retryAfter, client.day.retryAfter(now: now.timeIntervalSince1970))
                }
                let error = SandboxAPIError.rateLimited(
                    "Rate limit reached (\(account.requestsPerMinute)/minute, \(account.requestsPerDay)/day); "
                        + "retry after \(retryAfter) s.", retryAfter: retryAfter)
                return authenticatedError(error, request: request, clientID: caller.clientID, now: now, entry: &entry)
            }
            client.minute.record()
            client.day.record()
            clients[caller.clientID] = client
            entry.countedForRateLimit = true
        }
        do {
            if client.account.disabled { throw SandboxAPIError.clientDisabled }
            let allowlist = client.account.ipAllowlist
            if !allowlist.isEmpty, !allowlist.contains(request.peerIP) { throw SandboxAPIError.ipNotAllowed }
            let handled = try logic(&self, caller)
            try ensureAffordable(handled.debited, clientID: caller.clientID)
            return finish(handled, request: request, clientID: caller.clientID, now: now, entry: &entry)
        } catch {
            return authenticatedError(error, request: request, clientID: caller.clientID, now: now, entry: &entry)
        }
    }

    /// Why authentication failed, and the client the token named if it was one of ours.
    struct AuthFailure: Error {
        var error: SandboxAPIError
        var clientID: String?
        /// The token was ours and unexpired but its family was revoked.
        var revoked = false
    }

    /// Checks the Bearer token of `request`.
    func authenticate(_ request: SandboxAPIRequest, now: Int64) -> Result<Caller, AuthFailure> {
        guard let bearer = request.bearer else { return .failure(AuthFailure(error: .missingToken)) }
        guard let claims = jwt.verify(bearer) else { return .failure(AuthFailure(error: .invalidToken)) }
        switch tokens.check(claims, now: now) {
        case .valid(let clientID, let familyID):
            guard clients[clientID] != nil else { return .failure(AuthFailure(error: .invalidToken)) }
            return .success(Caller(clientID: clientID, familyID: familyID))
        case .expired(let clientID): return .failure(AuthFailure(error: .tokenExpired, clientID: clientID))
        case .revoked(let clientID):
            return .failure(AuthFailure(error: .invalidToken, clientID: clientID, revoked: clients[clientID] != nil))
        case .invalid: return .failure(AuthFailure(error: .invalidToken))
        }
    }

    /// Charges, builds the body with `meta`, stores an idempotent answer and writes the headers.
    mutating func finish(
        _ handled: SandboxHandled, request: SandboxAPIRequest, clientID: String, now: Date, entry: inout LedgerEntry
    ) -> SandboxAPIResponse {
        var debited = Credits.zero
        var body: [UInt8] = []
        if let stored = handled.replay {
            body = stored.body
            entry.replayed = true
        } else {
            debited = handled.debited
            clients[clientID]!.account.credits -= debited
            if let members = handled.body {
                body = JSONValue.object(members + [("meta", meta(clientID, request: request, debited, now))]).jsonBytes
            }
            if let (key, fingerprint) = handled.storeUnder, (200..<300).contains(handled.status) {
                idempotency.store(
                    clientID: clientID, endpoint: request.endpoint, key: key,
                    stored: .init(
                        fingerprint: fingerprint, status: handled.status, body: body, storedAt: Self.seconds(now)))
            }
        }
        var headers = commonHeaders(clientID, request: request, debited: debited, now: now)
        if handled.replay != nil { headers.append(("Idempotency-Replayed", "1")) }
        if let location = handled.location { headers.append(("Location", location)) }
        entry.status = handled.status
        entry.creditsDebited = debited
        ledger.append(entry)
        return SandboxAPIResponse(status: handled.status, headers: headers, body: request.isHead ? [] : body)
    }

    /// An error answer to a request with a valid Bearer token: full headers and `meta`.
    mutating func authenticatedError(
        _ error: any Error, request: SandboxAPIRequest, clientID: String, now: Date, entry: inout LedgerEntry
    ) -> SandboxAPIResponse {
        let error = error as? SandboxAPIError ?? SandboxAPIError(500, "internal", "Unexpected sandbox error.")
        var headers = commonHeaders(clientID, request: request, debited: .zero, now: now)
        if let retryAfter = error.retryAfter { headers.append(("Retry-After", String(retryAfter))) }
        let body: JSONValue = [
            "error": Self.errorObject(error, requestID: request.requestID),
            "meta": meta(clientID, request: request, .zero, now),
        ]
        entry.status = error.status
        entry.errorCode = error.code
        ledger.append(entry)
        return SandboxAPIResponse(status: error.status, headers: headers, body: request.isHead ? [] : body.jsonBytes)
    }

    /// An error answer without a valid Bearer token: `Content-Type` and `X-Request-ID` only.
    mutating func unauthenticatedError(
        _ error: SandboxAPIError, request: SandboxAPIRequest, entry: inout LedgerEntry
    ) -> SandboxAPIResponse {
        entry.status = error.status
        entry.errorCode = error.code
        ledger.append(entry)
        return Self.errorResponse(error, request: request)
    }

    /// The bare error answer of the unauthenticated routes (and of injected faults).
    static func errorResponse(_ error: SandboxAPIError, request: SandboxAPIRequest) -> SandboxAPIResponse {
        var headers: [(name: String, value: String)] = [
            ("Content-Type", jsonContentType), ("X-Request-ID", request.requestID),
        ]
        if let retryAfter = error.retryAfter { headers.append(("Retry-After", String(retryAfter))) }
        let body: JSONValue = ["error": errorObject(error, requestID: request.requestID)]
        return SandboxAPIResponse(status: error.status, headers: headers, body: request.isHead ? [] : body.jsonBytes)
    }

    /// The `error` object: code, message and request id.
    static func errorObject(_ error: SandboxAPIError, requestID: String) -> JSONValue {
        ["code": .string(error.code), "message": .string(error.message), "request_id": .string(requestID)]
    }

    /// The `meta` block.
    func meta(_ clientID: String, request: SandboxAPIRequest, _ debited: Credits, _ now: Date) -> JSONValue {
        [
            "request_id": .string(request.requestID), "credits_debited": .credits(debited),
            "credits_remaining": .credits(clients[clientID]?.account.credits ?? .zero),
            "response_generated": .string(Timestamp.format(now)),
        ]
    }

    /// The common header set of every Bearer-authenticated answer.
    func commonHeaders(
        _ clientID: String, request: SandboxAPIRequest, debited: Credits, now: Date
    ) -> [(name: String, value: String)] {
        let client = clients[clientID]!
        return [
            ("Content-Type", Self.jsonContentType), ("X-Request-ID", request.requestID),
            ("X-Credits-Debited", debited.description), ("X-Credits-Remaining", client.account.credits.description),
            ("X-RateLimit-Limit-Minute", String(client.account.requestsPerMinute)),
            ("X-RateLimit-Limit-Day", String(client.account.requestsPerDay)),
            ("X-RateLimit-Remaining-Minute", String(client.minute.remaining(limit: client.account.requestsPerMinute))),
            ("X-RateLimit-Remaining-Day", String(client.day.remaining(limit: client.account.requestsPerDay))),
            ("X-RateLimit-Reset", String(client.minute.resetAt)),
        ]
    }
}
