import Core
import Synchronization
import Upstream

/// An in-memory ``TokenPersistence`` that also remembers every token it was ever given, so a test
/// can search logs for all of them, and counts refresh markers.
final class RecordingTokenPersistence: TokenPersistence {
    let inner: InMemoryTokenPersistence
    private let history = Mutex<[String]>([])

    init(_ initial: StoredTokenState = StoredTokenState(tokens: nil, refreshInFlight: false)) {
        inner = InMemoryTokenPersistence(initial)
        if let tokens = initial.tokens { remember(tokens) }
    }

    func loadTokens() async throws -> StoredTokenState { try await inner.loadTokens() }

    func saveTokens(_ tokens: PersistedTokens) async throws {
        remember(tokens)
        try await inner.saveTokens(tokens)
    }

    func markRefreshInFlight() async throws { try await inner.markRefreshInFlight() }
    func clearTokens() async throws { try await inner.clearTokens() }

    private func remember(_ tokens: PersistedTokens) {
        history.withLock { $0 += [tokens.accessToken.revealed, tokens.refreshToken.revealed] }
    }

    /// Every access and refresh token ever saved.
    var everyToken: [String] { history.withLock { $0 } }
    var current: StoredTokenState { inner.current }
    var saveCount: Int { inner.saveCount }
    var refreshMarkCount: Int { inner.refreshMarkCount }
}
