import Foundation

/// The wall clock a service reads and sleeps on, injected so tests move time instead of waiting
/// (TestSupport's `ManualClock`). The daemon passes its one clock to the sync, the schedule, the
/// catalog watcher, the socket's staleness and the upstream client (tokens, pacing, retry waits).
///
/// ``system`` sleeps in slices of at most a minute and re-reads the wall clock after each, so a
/// clock step (NTP) or a suspended machine never makes a long sleep end hours late.
public struct WallClock: Sendable {
    /// The current time.
    public var now: @Sendable () -> Date
    /// Returns once `now()` has reached the instant (at once if it has); throws `CancellationError`
    /// when the task is cancelled.
    public var sleepUntil: @Sendable (Date) async throws -> Void

    public init(now: @escaping @Sendable () -> Date, sleepUntil: @escaping @Sendable (Date) async throws -> Void) {
        self.now = now
        self.sleepUntil = sleepUntil
    }

    /// This machine's clock.
    public static let system = WallClock(
        now: { Date() },
        sleepUntil: { instant in
            while true {
                let remaining = instant.timeIntervalSinceNow
                if remaining <= 0 { return }
                try await Task.sleep(for: .milliseconds(Int64(min(remaining, 60) * 1000) + 1))
            }
        })

    /// Returns once `duration` has passed on this clock; throws `CancellationError` when cancelled.
    public func sleep(for duration: Duration) async throws {
        try await sleepUntil(now() + duration)
    }
}
