import Core
import Foundation

extension SandboxState {
    /// `POST /auth/token`: credentials for an access token and a refresh token (a new family).
    mutating func issueToken(_ request: SandboxAPIRequest, now: Date) -> SandboxAPIResponse {
        unauthenticatedCall(request, now: now, throttled: true) { state, entry throws(SandboxAPIError) in
            let body = try Self.jsonObject(request)
            guard let clientID = body["client_id"]?.stringValue, let apiKey = body["api_key"]?.stringValue else {
                throw .badRequest("Send {\"client_id\": \"…\", \"api_key\": \"…\"} as JSON.")
            }
            guard let client = state.clients[clientID], client.account.apiKey == apiKey else {
                throw SandboxAPIError(401, "invalid_credentials", "Unknown client_id or wrong api_key.")
            }
            entry.clientID = clientID
            try state.checkAccount(clientID, peerIP: request.peerIP)
            let familyID = state.tokens.newFamily(clientID: clientID, id: "fam_" + Self.randomHex(8))
            return state.issuePair(clientID: clientID, familyID: familyID, now: now)
        }
    }

    /// `POST /auth/refresh`: rotates a refresh token; a second use revokes its whole family.
    mutating func refreshToken(_ request: SandboxAPIRequest, now: Date) -> SandboxAPIResponse {
        unauthenticatedCall(request, now: now, throttled: true) { state, entry throws(SandboxAPIError) in
            let body = try Self.jsonObject(request)
            guard let token = body["refresh_token"]?.stringValue else {
                throw .badRequest("Send {\"refresh_token\": \"rt_…\"} as JSON.")
            }
            switch state.tokens.consume(refresh: token, now: Self.seconds(now)) {
            case .invalid:
                throw SandboxAPIError(
                    401, "refresh_token_invalid", "Unknown, expired or revoked refresh token; authenticate again.")
            case .reused(let clientID):
                entry.clientID = clientID
                throw SandboxAPIError(
                    401, "refresh_token_reused",
                    "This refresh token was already used; every token of its session is now revoked. Authenticate again."
                )
            case .valid(let clientID, let familyID):
                entry.clientID = clientID
                try state.checkAccount(clientID, peerIP: request.peerIP)
                return state.issuePair(clientID: clientID, familyID: familyID, now: now)
            }
        }
    }

    /// `POST /auth/revoke`: revokes the caller's token family (and the family of a refresh token it names).
    mutating func revoke(_ request: SandboxAPIRequest, now: Date, fault: Fault?) -> SandboxAPIResponse {
        authenticated(request, now: now, fault: fault) { state, caller throws(SandboxAPIError) in
            let fingerprint = SandboxIdempotency.Fingerprint(body: request.body)
            if let replay = try state.idempotentReplay(request, clientID: caller.clientID, fingerprint, now: now) {
                return replay
            }
            var refresh: String?
            if !request.body.isEmpty {
                let body = try Self.jsonObject(request)
                if let value = body["refresh_token"], !value.isNull {
                    guard let text = value.stringValue else { throw .badRequest("refresh_token must be a string.") }
                    refresh = text
                }
            }
            state.tokens.revoke(familyID: caller.familyID)
            if let refresh, let family = state.tokens.familyID(ofRefresh: refresh, clientID: caller.clientID) {
                state.tokens.revoke(familyID: family)
            }
            var handled = SandboxHandled(body: [("revoked", true)])
            if let key = request.idempotencyKey { handled.storeUnder = (key, fingerprint) }
            return handled
        }
    }

    /// A replay of a revoke whose first answer already revoked the token the retry carries.
    mutating func revokeReplayAfterRevocation(
        _ request: SandboxAPIRequest, clientID: String, now: Int64
    ) -> SandboxHandled? {
        guard request.endpoint == .revoke, let key = request.idempotencyKey,
            let stored = idempotency.lookup(clientID: clientID, endpoint: .revoke, key: key, now: now),
            stored.fingerprint == SandboxIdempotency.Fingerprint(body: request.body)
        else { return nil }
        return .replaying(stored)
    }

    /// The stored answer for the request's `Idempotency-Key`: a replay when the body matches,
    /// `409 idempotency_key_mismatch` when it does not, `nil` when there is none.
    mutating func idempotentReplay(
        _ request: SandboxAPIRequest, clientID: String, _ fingerprint: SandboxIdempotency.Fingerprint, now: Date
    ) throws(SandboxAPIError) -> SandboxHandled? {
        guard let key = request.idempotencyKey else { return nil }
        try SandboxIdempotency.validate(key)
        guard
            let stored = idempotency.lookup(
                clientID: clientID, endpoint: request.endpoint, key: key, now: Self.seconds(now))
        else { return nil }
        guard stored.fingerprint == fingerprint else {
            throw SandboxAPIError(
                409, "idempotency_key_mismatch",
                "This Idempotency-Key was used in the last 24 hours with a different body; use a new key.")
        }
        return .replaying(stored)
    }

    /// Throws when the client is disabled or the IP is outside its allowlist.
    func checkAccount(_ clientID: String, peerIP: String) throws(SandboxAPIError) {
        guard let account = clients[clientID]?.account else { throw .invalidToken }
        if account.disabled { throw .clientDisabled }
        if !account.ipAllowlist.isEmpty, !account.ipAllowlist.contains(peerIP) { throw .ipNotAllowed }
    }

    /// Issues an access token and a refresh token in `familyID`.
    mutating func issuePair(clientID: String, familyID: String, now: Date) -> JSONValue {
        let nowSeconds = Self.seconds(now)
        let claims = SandboxJWT.Claims(
            subject: clientID, issuedAt: nowSeconds, expiresAt: nowSeconds + accessTokenLifetime,
            id: "jti_" + Self.randomHex(12))
        let refresh = "rt_" + Self.randomHex(24)
        tokens.record(accessID: claims.id, refresh: refresh, familyID: familyID, clientID: clientID, now: nowSeconds)
        return [
            "access_token": .string(jwt.sign(claims)), "refresh_token": .string(refresh), "token_type": "Bearer",
            "expires_in": .number(String(accessTokenLifetime)),
        ]
    }

    /// Runs an unauthenticated `/auth/*` call: the per-IP throttle, the logic, bare headers, the ledger.
    mutating func unauthenticatedCall(
        _ request: SandboxAPIRequest, now: Date, throttled: Bool,
        _ logic: (inout SandboxState, inout LedgerEntry) throws(SandboxAPIError) -> JSONValue
    ) -> SandboxAPIResponse {
        var entry = ledgerEntry(request, now: now)
        do throws(SandboxAPIError) {
            if throttled {
                let slot = "\(request.endpoint.rawValue) \(request.peerIP)"
                var window = authThrottles[slot] ?? RateWindow(length: 60)
                window.roll(to: Self.seconds(now))
                if window.count >= Self.authThrottleLimit {
                    let retryAfter = window.retryAfter(now: now.timeIntervalSince1970)
                    authThrottles[slot] = window
                    throw SandboxAPIError.rateLimited(
                        "At most \(Self.authThrottleLimit) requests per minute per IP on this endpoint; "
                            + "retry after \(retryAfter) s.", retryAfter: retryAfter)
                }
                window.record()
                authThrottles[slot] = window
            }
            let body = try logic(&self, &entry)
            entry.status = 200
            ledger.append(entry)
            return SandboxAPIResponse(
                status: 200,
                headers: [("Content-Type", Self.jsonContentType), ("X-Request-ID", request.requestID)],
                body: body.jsonBytes)
        } catch {
            return unauthenticatedError(error, request: request, entry: &entry)
        }
    }
}
