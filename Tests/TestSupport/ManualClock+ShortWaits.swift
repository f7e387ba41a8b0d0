import Core
import Foundation
import Sandbox

extension ManualClock {
    /// Until cancelled: whenever the earliest sleeper waits at most `shortWait` (the upstream
    /// client's pacing and retry backoff), moves this clock there, and `sandbox`'s clock with it; a
    /// longer wait (a pause until midnight, a retry pass) waits for the test. Each step lets the
    /// woken run first, so a loop of short waits moves time step by step.
    public func passShortWaits(upTo shortWait: Duration, following sandbox: SandboxClock?) async {
        while !Task.isCancelled {
            if let wake = nextWake, wake.timeIntervalSince(now) <= shortWait.timeInterval {
                let step = Duration.milliseconds(Int64(max(0.001, wake.timeIntervalSince(now)) * 1000) + 1)
                sandbox?.advance(by: step)
                advance(by: step)
            }
            try? await Task.sleep(for: .milliseconds(2))
        }
    }

    /// Runs `body` while short waits pass (``passShortWaits(upTo:following:)``).
    public func passingShortWaits<T: Sendable>(
        upTo shortWait: Duration = .seconds(1), following sandbox: SandboxClock?, _ body: () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await self.passShortWaits(upTo: shortWait, following: sandbox) }
            defer { group.cancelAll() }
            return try await body()
        }
    }
}
