/// Carries a caller's closure to a worker thread and drops it *before* the caller resumes.
///
/// ``Database/write(_:)`` and ``Database/read(_:)`` take non-escaping closures (as GRDB does) and
/// bridge them with `withoutActuallyEscaping`, which traps if the closure is still referenced when
/// it returns. The worker thread's work item outlives the call, so it holds this box instead of the
/// closure, and ``take()`` empties the box before the continuation is resumed.
final class ConfinedJob<Input, Output>: @unchecked Sendable {
    private var body: ((Input) throws -> Output)?

    init(_ body: @escaping (Input) throws -> Output) { self.body = body }

    /// Runs the closure once on `input` and releases it; the result is returned after the release.
    func run(_ input: Input) -> Result<Output, any Error> {
        let body = take()
        return Result { try body(input) }
    }

    /// Releases the closure without running it (the pool is shutting down).
    func discard() { _ = take() }

    private func take() -> (Input) throws -> Output {
        defer { body = nil }
        return body ?? { _ in throw StoreError.closed }
    }
}
