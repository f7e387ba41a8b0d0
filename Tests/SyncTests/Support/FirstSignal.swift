import Core

/// Waits for the first element of `signal`, at most `timeout`: whether one came. A hook that never
/// fires then fails the test instead of hanging the whole run.
func firstSignal(_ signal: AsyncStream<Void>, within timeout: Duration = .seconds(60)) async -> Bool {
    await withDeadline(.now + timeout) {
        for await _ in signal { return true }
        return false
    } ?? false
}
