import Synchronization

/// The stop switches that end all traffic at once: `client_disabled`, refused credentials and
/// `ip_not_allowed` (every call would be refused the same way: asking again only adds noise).
/// Also remembers whether the API was last reachable, for ``AuthState``.
final class AccessGate: Sendable {
    private struct State {
        var disabled = false
        var invalidCredentials = false
        var ipNotAllowed = false
        var unreachable = false
        var lastError: String?
    }

    private let state = Mutex(State())

    /// Throws at once while traffic is stopped.
    func check() throws(UpstreamError) {
        let (disabled, invalid, ip) = state.withLock { ($0.disabled, $0.invalidCredentials, $0.ipNotAllowed) }
        if disabled { throw .clientDisabled }
        if invalid { throw .invalidCredentials }
        if ip { throw .forbidden(code: "ip_not_allowed") }
    }

    func disable() { state.withLock { $0.disabled = true } }
    func refuseCredentials() { state.withLock { $0.invalidCredentials = true } }

    /// Lifts both stops (an operator's resync).
    func reopen() {
        state.withLock {
            $0.disabled = false
            $0.invalidCredentials = false
            $0.ipNotAllowed = false
        }
    }

    /// Records whether the API answered at all.
    func noteReachable(_ reachable: Bool) { state.withLock { $0.unreachable = !reachable } }

    /// A transport failure of one attempt (connection refused, a proxy that is down or refuses):
    /// the API counts as unreachable and the reason shows in status at once, while the call may
    /// still be retried.
    func noteTransportFailure(_ error: UpstreamError) {
        state.withLock {
            $0.unreachable = true
            $0.lastError = error.description
        }
    }

    /// Records the last error's description (never a secret).
    func noteError(_ error: UpstreamError) {
        switch error {
        case .notFound, .cancelled: return
        case .forbidden(code: "ip_not_allowed"):
            state.withLock {
                $0.ipNotAllowed = true
                $0.lastError = error.description
            }
        default: state.withLock { $0.lastError = error.description }
        }
    }

    var authState: AuthState {
        state.withLock { state in
            if state.disabled { return .disabled }
            if state.invalidCredentials { return .invalidCredentials }
            if state.ipNotAllowed { return .ipNotAllowed }
            return state.unreachable ? .unreachable : .ok
        }
    }

    var lastError: String? { state.withLock { $0.lastError } }
}
