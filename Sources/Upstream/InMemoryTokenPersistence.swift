import Synchronization

/// A ``TokenPersistence`` in memory, for tests and the demo; also counts what was asked of it.
public final class InMemoryTokenPersistence: TokenPersistence {
    private struct State {
        var stored = StoredTokenState(tokens: nil, refreshInFlight: false)
        var saves = 0
        var marks = 0
    }

    private let state: Mutex<State>

    public init(_ initial: StoredTokenState = StoredTokenState(tokens: nil, refreshInFlight: false)) {
        state = Mutex(State(stored: initial))
    }

    public func loadTokens() async throws -> StoredTokenState { state.withLock { $0.stored } }

    public func saveTokens(_ tokens: PersistedTokens) async throws {
        state.withLock {
            $0.stored = StoredTokenState(tokens: tokens, refreshInFlight: false)
            $0.saves += 1
        }
    }

    public func markRefreshInFlight() async throws {
        state.withLock {
            $0.stored.refreshInFlight = true
            $0.marks += 1
        }
    }

    public func clearTokens() async throws {
        state.withLock { $0.stored = StoredTokenState(tokens: nil, refreshInFlight: false) }
    }

    /// What is stored now.
    public var current: StoredTokenState { state.withLock { $0.stored } }
    /// How many pairs were saved.
    public var saveCount: Int { state.withLock { $0.saves } }
    /// How many refreshes were marked in flight.
    public var refreshMarkCount: Int { state.withLock { $0.marks } }
}
