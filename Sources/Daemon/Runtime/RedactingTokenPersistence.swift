import Core
import Upstream

/// Persists tokens through `base` and teaches the log redactor every token as it is loaded or
/// saved, so even a token that slipped into a log line by mistake comes out as `[redacted]`.
struct RedactingTokenPersistence: TokenPersistence {
    let base: any TokenPersistence
    let redactor: SecretRedactor?

    func loadTokens() async throws -> StoredTokenState {
        let state = try await base.loadTokens()
        if let tokens = state.tokens { learn(tokens) }
        return state
    }

    func saveTokens(_ tokens: PersistedTokens) async throws {
        learn(tokens)
        try await base.saveTokens(tokens)
    }

    func markRefreshInFlight() async throws { try await base.markRefreshInFlight() }

    func clearTokens() async throws { try await base.clearTokens() }

    private func learn(_ tokens: PersistedTokens) {
        redactor?.registerRotating(tokens.accessToken.revealed)
        redactor?.registerRotating(tokens.refreshToken.revealed)
    }
}
