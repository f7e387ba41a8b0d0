import Synchronization
import Upstream

/// A ``TokenPersistence`` in memory (the tests' stand-in for the Store adapters); also counts what was asked of it.
final class InMemoryTokenPersistence: TokenPersistence {
    private struct State {
        var stored = StoredTokenState(tokens: nil, refreshInFlight: false)
        var saves = 0
        var marks = 0
    }

    private let state: Mutex<State>

    init(_ initial: StoredTokenState = StoredTokenState(tokens: nil, refreshInFlight: false)) {
        state = Mutex(State(stored: initial))
    }

    func loadTokens() async throws -> StoredTokenState { state.withLock { $0.stored } }

    func saveTokens(_ tokens: PersistedTokens) async throws {
        state.withLock {
            $0.stored = StoredTokenState(tokens: tokens, refreshInFlight: false)
            $0.saves += 1
        }
    }

    func markRefreshInFlight() async throws {
        state.withLock {
            $0.stored.refreshInFlight = true
            $0.marks += 1
        }
    }

    func clearTokens() async throws {
        state.withLock { $0.stored = StoredTokenState(tokens: nil, refreshInFlight: false) }
    }

    /// What is stored now.
    var current: StoredTokenState { state.withLock { $0.stored } }
    /// How many pairs were saved.
    var saveCount: Int { state.withLock { $0.saves } }
    /// How many refreshes were marked in flight.
    var refreshMarkCount: Int { state.withLock { $0.marks } }
}
