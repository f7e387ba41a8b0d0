import Core
import Foundation
import Logging

/// Owns the access and refresh tokens: loads them once, renews them ahead of expiry or when the
/// server refuses them, and makes sure at most one renewal is ever in flight — concurrent callers
/// join the one running (a refresh token used twice revokes the whole token family).
///
/// A renewal runs in its own short-lived task, so a caller that gives up (deadline, cancellation)
/// never cuts a refresh in half; it ends within the configured call deadline.
actor TokenManager {
    let wire: AuthWire
    let persistence: any TokenPersistence
    let gate: AccessGate
    private let refreshAhead: Duration
    let renewalBudget: Duration
    /// The daemon's clock: token expiry and the refresh-ahead window are read on it.
    let clock: WallClock
    let logger: Logger

    private var tokens: PersistedTokens?
    /// Whether the held refresh token may be sent (not when its last use may have been consumed).
    private var refreshUsable = false
    private var loaded = false
    private var flight: SharedValue<Result<Secret, UpstreamError>>?
    /// Renewals performed (refresh or credentials), for status and tests.
    private(set) var refreshes = 0
    private(set) var exchanges = 0

    init(
        wire: AuthWire, persistence: any TokenPersistence, gate: AccessGate, refreshAhead: Duration,
        renewalBudget: Duration, clock: WallClock, logger: Logger
    ) {
        self.wire = wire
        self.persistence = persistence
        self.gate = gate
        self.refreshAhead = refreshAhead
        self.renewalBudget = renewalBudget
        self.clock = clock
        self.logger = logger
    }

    /// Loads the saved pair once. A "refresh in flight" marker means the process stopped between
    /// sending a refresh and saving its answer: that refresh token is never reused.
    func load() async {
        guard !loaded else { return }
        loaded = true
        do {
            let stored = try await persistence.loadTokens()
            if stored.refreshInFlight {
                logger.notice("a token refresh was interrupted last time; authenticating with the credentials")
                tokens = nil
                refreshUsable = false
            } else if let saved = stored.tokens {
                tokens = saved
                refreshUsable = true
            }
        } catch {
            logger.error(
                "cannot read the saved tokens; authenticating with the credentials", metadata: ["error": "\(error)"])
        }
    }

    /// A usable access token: the held one while it is not within `refreshAhead` of expiry, else a
    /// renewed one.
    func accessToken(deadline: ContinuousClock.Instant) async throws(UpstreamError) -> Secret {
        await load()
        if let held = tokens, clock.now() + refreshAhead < held.accessExpiresAt {
            return held.accessToken
        }
        return try await renew(
            after: tokens?.accessToken, reason: tokens == nil ? .missing : .expiring, deadline: deadline)
    }

    /// Renews the token `stale` (the one a caller used or saw), joining a renewal already running.
    /// Returns at once if the token was already replaced since.
    func renew(
        after stale: Secret?, reason: RenewalReason, deadline: ContinuousClock.Instant
    ) async throws(UpstreamError)
        -> Secret
    {
        await load()
        if let held = tokens, held.accessToken != stale, clock.now() < held.accessExpiresAt {
            return held.accessToken
        }
        if reason == .rejected || reason == .expired, tokens?.accessToken == stale {
            // The server refused this token: never hand it out again.
            if reason == .rejected { refreshUsable = false }
            tokens?.accessExpiresAt = .distantPast
        }
        let shared: SharedValue<Result<Secret, UpstreamError>>
        if let running = flight {
            shared = running
        } else {
            shared = SharedValue()
            flight = shared
            let useRefresh = reason.mayRefresh && refreshUsable && tokens != nil
            Task { await self.runRenewal(into: shared, refresh: useRefresh) }
        }
        guard let result = await shared.wait(until: deadline) else {
            throw Task.isCancelled ? .cancelled : .timedOut
        }
        switch result {
        case .success(let token): return token
        case .failure(let error):
            if reason == .expiring, let held = tokens, clock.now() < held.accessExpiresAt {
                logger.warning(
                    "token renewal failed; using the current token until it expires", metadata: ["error": "\(error)"])
                return held.accessToken
            }
            throw error
        }
    }

    /// Forgets every token (the client was disabled or the family revoked).
    func forget() async {
        tokens = nil
        refreshUsable = false
        do { try await persistence.clearTokens() } catch {
            logger.error("cannot clear the saved tokens", metadata: ["error": "\(error)"])
        }
    }

    /// Whether a usable pair is held (for status).
    var hasTokens: Bool { tokens != nil }

    // MARK: State changes used by the renewal (TokenManager+Renewal.swift)

    func currentRefreshToken() -> Secret? { refreshUsable ? tokens?.refreshToken : nil }
    func disableRefresh() { refreshUsable = false }
    func finishFlight() { flight = nil }
    func noteRefresh() { refreshes += 1 }
    func noteExchange() { exchanges += 1 }

    func setTokens(_ pair: PersistedTokens) {
        tokens = pair
        refreshUsable = true
    }

    func persistenceMarkInFlight() async throws { try await persistence.markRefreshInFlight() }
    func persistenceSave(_ pair: PersistedTokens) async throws { try await persistence.saveTokens(pair) }
}
