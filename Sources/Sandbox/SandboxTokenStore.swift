/// Access and refresh tokens with their families (every token descended from one `/auth/token`
/// call), refresh rotation, reuse detection and revocation.
struct SandboxTokenStore: Sendable {
    /// Why a family no longer works.
    enum FamilyState: Sendable, Hashable {
        case active
        /// `/auth/revoke`: access → `invalid_token`, refresh → `refresh_token_invalid`.
        case revoked
        /// A refresh token was used twice: access → `invalid_token`, refresh → `refresh_token_reused`.
        case reuseDetected
    }

    /// Every token descended from one `/auth/token` call.
    struct Family: Sendable, Hashable {
        var clientID: String
        var state: FamilyState = .active
    }

    /// One issued refresh token: its family, its 90-day expiry, whether it was used.
    struct RefreshRecord: Sendable, Hashable {
        var clientID: String
        var familyID: String
        var expiresAt: Int64
        var used = false
    }

    /// The outcome of checking an access token.
    enum AccessCheck: Sendable, Hashable {
        case valid(clientID: String, familyID: String)
        case expired(clientID: String)
        /// Signed by the sandbox but revoked (its family is no longer active).
        case revoked(clientID: String)
        case invalid
    }

    /// The outcome of presenting a refresh token.
    enum RefreshCheck: Sendable, Hashable {
        case valid(clientID: String, familyID: String)
        case invalid
        case reused(clientID: String)
    }

    /// Refresh tokens live 90 days.
    static let refreshLifetime: Int64 = 90 * 86_400

    private(set) var families: [String: Family] = [:]
    private var accessFamilies: [String: String] = [:]
    private var refreshTokens: [String: RefreshRecord] = [:]

    /// Starts a family for `clientID`.
    mutating func newFamily(clientID: String, id: String) -> String {
        families[id] = Family(clientID: clientID)
        return id
    }

    /// Remembers an issued access token (by `jti`) and refresh token.
    mutating func record(accessID: String, refresh: String, familyID: String, clientID: String, now: Int64) {
        accessFamilies[accessID] = familyID
        refreshTokens[refresh] = RefreshRecord(
            clientID: clientID, familyID: familyID, expiresAt: now + Self.refreshLifetime)
    }

    /// Checks verified access-token claims against expiry and revocation.
    func check(_ claims: SandboxJWT.Claims, now: Int64) -> AccessCheck {
        guard let familyID = accessFamilies[claims.id], let family = families[familyID],
            family.clientID == claims.subject
        else { return .invalid }
        if family.state != .active { return .revoked(clientID: claims.subject) }
        if now >= claims.expiresAt { return .expired(clientID: claims.subject) }
        return .valid(clientID: claims.subject, familyID: familyID)
    }

    /// The client a refresh token belongs to (for fault targeting), if known.
    func clientID(ofRefresh token: String) -> String? { refreshTokens[token]?.clientID }

    /// Consumes a refresh token: the first use is valid; a second use revokes the whole family.
    mutating func consume(refresh token: String, now: Int64) -> RefreshCheck {
        guard var record = refreshTokens[token], let family = families[record.familyID] else { return .invalid }
        switch family.state {
        case .reuseDetected: return .reused(clientID: record.clientID)
        case .revoked: return .invalid
        case .active: break
        }
        if record.used {
            families[record.familyID]?.state = .reuseDetected
            return .reused(clientID: record.clientID)
        }
        if now >= record.expiresAt { return .invalid }
        record.used = true
        refreshTokens[token] = record
        return .valid(clientID: record.clientID, familyID: record.familyID)
    }

    /// Revokes a family (`/auth/revoke`); a family already revoked for reuse stays so.
    mutating func revoke(familyID: String) {
        if families[familyID]?.state == .active { families[familyID]?.state = .revoked }
    }

    /// The family of a refresh token owned by `clientID`, if any.
    func familyID(ofRefresh token: String, clientID: String) -> String? {
        guard let record = refreshTokens[token], record.clientID == clientID else { return nil }
        return record.familyID
    }
}
