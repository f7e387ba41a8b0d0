import Core
import Foundation
import Store
import Upstream

/// The upstream client's ``TokenPersistence`` over the state directory's token table (the
/// database file is 0600; every write is one durable transaction).
///
/// The refresh-in-flight marker is the table's durable flag: ``markRefreshInFlight()`` returns only
/// once it is committed, and ``saveTokens(_:)`` clears it in the same transaction that stores the
/// new pair, so a process killed between the two is found out at the next start.
public struct StoreTokenPersistence: TokenPersistence {
    let database: Database
    let clock: WallClock

    public init(database: Database, clock: WallClock = .system) {
        self.database = database
        self.clock = clock
    }

    public func loadTokens() async throws -> StoredTokenState {
        guard let stored = try await database.read({ try $0.tokens() }) else {
            return StoredTokenState(tokens: nil, refreshInFlight: false)
        }
        var tokens: PersistedTokens?
        if let access = stored.accessToken, let expires = stored.accessExpiresAt, let refresh = stored.refreshToken {
            tokens = PersistedTokens(
                accessToken: .init(access), accessExpiresAt: expires.date, refreshToken: .init(refresh))
        }
        return StoredTokenState(tokens: tokens, refreshInFlight: stored.refreshInFlight)
    }

    public func saveTokens(_ tokens: PersistedTokens) async throws {
        let now = UnixMillis(clock.now())
        try await database.write { connection in
            try connection.saveTokens(
                accessToken: tokens.accessToken.revealed, expiresAt: UnixMillis(tokens.accessExpiresAt),
                refreshToken: tokens.refreshToken.revealed, at: now)
        }
    }

    public func markRefreshInFlight() async throws {
        let now = UnixMillis(clock.now())
        try await database.write { try $0.markRefreshInFlight(at: now) }
    }

    public func clearTokens() async throws {
        try await database.write { try $0.clearTokens() }
    }
}
