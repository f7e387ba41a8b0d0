/// Races an async operation against a deadline without cancelling what the operation started
/// elsewhere: the socket never waits past the deadline for a backend that misbehaves.
enum LiveDeadline {
    /// The operation's result, or `nil` if `deadline` came first (the operation is then cancelled;
    /// backends keep their own upstream work alive in their own services).
    static func run<T: Sendable>(
        until deadline: ContinuousClock.Instant, _ operation: @escaping @Sendable () async -> T
    ) async -> T? {
        await withTaskGroup(of: T?.self) { group in
            group.addTask { await operation() }
            group.addTask {
                try? await Task.sleep(until: deadline, clock: .continuous)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}
