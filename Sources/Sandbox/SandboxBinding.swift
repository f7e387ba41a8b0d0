import Synchronization

/// The port the server bound, and everyone waiting for it (``Sandbox/withRunning(_:logger:_:)``).
final class SandboxBinding: Sendable {
    private enum State {
        case waiting([CheckedContinuation<Int, any Error>])
        case bound(Int)
        case failed(any Error)
    }

    private let state = Mutex<State>(.waiting([]))

    /// The bound port, if the server is up.
    var port: Int? {
        state.withLock { state in
            if case .bound(let port) = state { return port }
            return nil
        }
    }

    /// Waits until the server is bound (or failed to bind).
    func wait() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            state.withLock { state in
                switch state {
                case .waiting(let waiters): state = .waiting(waiters + [continuation])
                case .bound(let port): continuation.resume(returning: port)
                case .failed(let error): continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Records the bound port and wakes the waiters.
    func bound(_ port: Int) { settle(.bound(port)) }

    /// Records a failure to serve and wakes the waiters.
    func failed(_ error: any Error) { settle(.failed(error)) }

    private func settle(_ outcome: State) {
        let waiters: [CheckedContinuation<Int, any Error>] = state.withLock { state in
            guard case .waiting(let waiters) = state else { return [] }
            state = outcome
            return waiters
        }
        for waiter in waiters {
            switch outcome {
            case .bound(let port): waiter.resume(returning: port)
            case .failed(let error): waiter.resume(throwing: error)
            case .waiting: break
            }
        }
    }
}
