import Foundation

/// Waits for the first element of `signal`, at most `timeout`: whether one came. A hook that never
/// fires then fails the test instead of hanging the whole run.
func firstSignal(_ signal: AsyncStream<Void>, within timeout: Duration = .seconds(60)) async -> Bool {
    await withTaskGroup(of: Bool.self) { group in
        group.addTask {
            for await _ in signal { return true }
            return false
        }
        group.addTask {
            try? await Task.sleep(for: timeout)
            return false
        }
        let first = await group.next() ?? false
        group.cancelAll()
        return first
    }
}
