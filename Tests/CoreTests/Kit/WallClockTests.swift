import Core
import Foundation
import Testing

@Suite("The wall clock")
struct WallClockTests {
    @Test("The system clock's sleep ends once its clock has passed the instant")
    func systemSleep() async throws {
        let clock = WallClock.system
        let target = clock.now() + .milliseconds(30)
        try await clock.sleepUntil(target)
        #expect(clock.now() >= target)
        let before = clock.now()
        try await clock.sleep(for: .milliseconds(10))
        #expect(clock.now() >= before + .milliseconds(10))
    }

    @Test("A sleep for an instant already past returns at once; a cancelled one throws")
    func pastAndCancelled() async throws {
        try await WallClock.system.sleepUntil(.distantPast)
        let sleeping = Task { try await WallClock.system.sleep(for: .seconds(3600)) }
        sleeping.cancel()
        await #expect(throws: CancellationError.self) { try await sleeping.value }
    }
}
