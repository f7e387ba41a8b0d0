import Synchronization

/// The stop switches that end all traffic at once: `client_disabled` and refused credentials.
/// Also remembers whether the API was last reachable, for ``AuthState``.
final class AccessGate: Sendable {
    private struct State {
        var disabled = false
        var invalidCredentials = false
        var unreachable = false
        var lastError: String?
    }

    private let state = Mutex(State())

    /// Throws at once while traffic is stopped.
    func check() throws(UpstreamError) {
        let (disabled, invalid) = state.withLock { ($0.disabled, $0.invalidCredentials) }
        if disabled { throw .clientDisabled }
        if invalid { throw .invalidCredentials }
    }

    func disable() { state.withLock { $0.disabled = true } }
    func refuseCredentials() { state.withLock { $0.invalidCredentials = true } }

    /// Lifts both stops (an operator's resync).
    func reopen() {
        state.withLock {
            $0.disabled = false
            $0.invalidCredentials = false
        }
    }

    /// Records whether the API answered at all.
    func noteReachable(_ reachable: Bool) { state.withLock { $0.unreachable = !reachable } }

    /// Records the last error's description (never a secret).
    func noteError(_ error: UpstreamError) {
        switch error {
        case .notFound, .cancelled: return
        default: state.withLock { $0.lastError = error.description }
        }
    }

    var authState: AuthState {
        state.withLock { state in
            if state.disabled { return .disabled }
            if state.invalidCredentials { return .invalidCredentials }
            return state.unreachable ? .unreachable : .ok
        }
    }

    var lastError: String? { state.withLock { $0.lastError } }
}
