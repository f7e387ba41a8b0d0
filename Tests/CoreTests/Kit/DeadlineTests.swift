import Core
import Foundation
import Synchronization
import Testing

@Suite("Racing an operation against a deadline")
struct DeadlineTests {
    @Test("The operation's result when it ends first")
    func operationFirst() async {
        #expect(await withDeadline(.now + .seconds(3600)) { 42 } == 42)
        let clock = WallClock(now: { Date(timeIntervalSince1970: 0) }) { _ in
            try await Task.sleep(for: .seconds(3600))
        }
        #expect(await withDeadline(Date(timeIntervalSince1970: 10), on: clock) { "done" } == "done")
    }

    @Test("Nil when the deadline comes first; the operation is cancelled and awaited")
    func deadlineFirst() async {
        let cancelled = Mutex(false)
        let result = await withDeadline(.now + .milliseconds(20)) { () -> Int in
            do { try await Task.sleep(for: .seconds(3600)) } catch { cancelled.withLock { $0 = true } }
            return 1
        }
        #expect(result == nil)
        #expect(cancelled.withLock { $0 })
    }

    @Test("On a wall clock, nil once the clock reaches the instant")
    func wallClockFirst() async {
        let passed = WallClock(now: { Date(timeIntervalSince1970: 100) }) { _ in }
        let result = await withDeadline(Date(timeIntervalSince1970: 50), on: passed) { () -> Int in
            try? await Task.sleep(for: .seconds(3600))
            return 1
        }
        #expect(result == nil)
    }
}
