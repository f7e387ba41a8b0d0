import Dispatch

/// Runs blocking `work` (a child process read to its end, `waitUntilExit`) on a Dispatch thread,
/// never on the cooperative pool: on a 2-core machine two such waits would stall every other test.
public func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
