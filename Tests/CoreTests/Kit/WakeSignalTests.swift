import Core
import Foundation
import Testing

@Suite("The wake signal")
struct WakeSignalTests {
    /// A clock whose sleeps end only when cancelled.
    static let stoppedClock = WallClock(now: { Date(timeIntervalSince1970: 0) }) { _ in
        try await Task.sleep(for: .seconds(3600))
    }
    /// A clock whose every instant has already come.
    static let passedClock = WallClock(now: { Date(timeIntervalSince1970: 0) }) { _ in }

    @Test("A signal with nobody waiting ends the next wait at once; signals do not pile up")
    func pendingSignal() async {
        let wake = WakeSignal()
        wake.signal()
        wake.signal()
        #expect(await wake.wait())
        #expect(await wake.wait(until: .now + .milliseconds(20)) == false)
    }

    @Test("No waiter is left behind: a signal wakes every waiter, or the next one to wait")
    func wakesEveryWaiter() async throws {
        let wake = WakeSignal()
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<3 {
                group.addTask { await wake.wait(until: .now + .seconds(3600)) }
            }
            // Signal until all three woke: a signal sent before a waiter registered is pending for
            // the next wait, so none is lost either way.
            var results: [Bool] = []
            while results.count < 3 {
                wake.signal()
                if let result = try await group.next() { results.append(result) }
            }
            #expect(results == [true, true, true])
        }
    }

    @Test("A cancelled wait returns unsignalled")
    func cancelled() async {
        let wake = WakeSignal()
        let waiting = Task { await wake.wait() }
        waiting.cancel()
        #expect(await waiting.value == false)
    }

    @Test("A wait on a wall clock ends when the clock reaches the instant, or at the signal first")
    func wallClockDeadline() async {
        let wake = WakeSignal()
        #expect(await wake.wait(until: Date(timeIntervalSince1970: 1), on: Self.passedClock) == false)
        async let signalled = wake.wait(until: Date(timeIntervalSince1970: 1), on: Self.stoppedClock)
        wake.signal()
        #expect(await signalled)
    }
}
