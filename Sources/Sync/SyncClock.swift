import Foundation

/// The wall clock the sync reads and sleeps on, injected so tests move time instead of waiting.
///
/// ``system`` sleeps in slices of at most a minute and re-reads the wall clock after each, so a
/// clock step (NTP) or a suspended machine never makes a long sleep end hours late.
public struct SyncClock: Sendable {
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
    public static let system = SyncClock(
        now: { Date() },
        sleepUntil: { instant in
            while true {
                let remaining = instant.timeIntervalSinceNow
                if remaining <= 0 { return }
                try await Task.sleep(for: .milliseconds(Int64(min(remaining, 60) * 1000) + 1))
            }
        })

    /// `now()` as milliseconds since 1970 (how the store keeps local instants).
    var nowMillis: Int64 { Int64((now().timeIntervalSince1970 * 1000).rounded(.down)) }
}
