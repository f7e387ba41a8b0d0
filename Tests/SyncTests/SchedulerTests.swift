import Core
import Foundation
import Store
import Sync
import TestSupport
import Testing

@Suite("Scheduler service")
struct SchedulerTests {
    static let utc = TimeZone(identifier: "UTC")!
    static let start = Timestamp.parse("2026-07-02T16:30:00Z")!

    static func configuration(
        enabled: Bool = true, fullRefresh: Weekday? = nil
    ) -> SyncScheduleConfiguration {
        SyncScheduleConfiguration(
            enabled: enabled, at: TimeOfDay(hour: 3, minute: 0)!, timeZone: utc, jitter: .seconds(1200),
            fullRefresh: fullRefresh)
    }

    /// Runs a scheduler on a manual clock for `body`.
    static func withScheduler(
        _ configuration: SyncScheduleConfiguration, lastSuccess: Date?, random: Double = 0.5,
        _ body: (SyncScheduler, RecordingTrigger, ManualClock) async throws -> Void
    ) async throws {
        let clock = ManualClock(start)
        let trigger = RecordingTrigger(lastSuccess: lastSuccess)
        let scheduler = SyncScheduler(
            trigger: trigger, configuration: configuration, clock: clock.wallClock, random: { random },
            logger: SyncTestLogs.silent)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await scheduler.run() }
            try await body(scheduler, trigger, clock)
            group.cancelAll()
        }
    }

    @Test("It fires a delta at 03:00 plus the drawn jitter, then schedules the next night")
    func firesAtTheComputedTime() async throws {
        try await Self.withScheduler(Self.configuration(), lastSuccess: Self.start.addingTimeInterval(-3600)) {
            scheduler, trigger, clock in
            let fireAt = Timestamp.parse("2026-07-03T03:10:00Z")!
            try await eventually("the first firing to be planned") { clock.nextWake == fireAt }
            #expect(trigger.requests.isEmpty)
            #expect(trigger.next == fireAt)
            #expect(scheduler.next?.slot == Timestamp.parse("2026-07-03T03:00:00Z"))
            clock.advance(by: fireAt.timeIntervalSince(clock.now) - 1)
            #expect(trigger.requests.isEmpty)
            clock.advance(by: 1)
            try await eventually("the sync to be started") { trigger.requests.count == 1 }
            #expect(trigger.requests.first == SyncRequest(mode: .delta, origin: .schedule))
            try await eventually("the next night to be planned") {
                clock.nextWake == Timestamp.parse("2026-07-04T03:10:00Z")
            }
        }
    }

    @Test("A missed night is caught up at start; a recent success is not")
    func catchUpAtStart() async throws {
        try await Self.withScheduler(Self.configuration(), lastSuccess: nil) { _, trigger, clock in
            try await eventually("the catch-up") { trigger.requests.count == 1 }
            #expect(trigger.requests.first == SyncRequest(mode: .delta, origin: .catchUp))
            try await eventually("the night to be planned") { clock.sleepers == 1 }
        }
        try await Self.withScheduler(Self.configuration(), lastSuccess: Self.start.addingTimeInterval(-2 * 86_400)) {
            _, trigger, _ in
            try await eventually("the catch-up") { trigger.requests.count == 1 }
        }
        try await Self.withScheduler(Self.configuration(), lastSuccess: Self.start.addingTimeInterval(-600)) {
            _, trigger, clock in
            try await eventually("the night to be planned") { clock.sleepers == 1 }
            #expect(trigger.requests.isEmpty)
        }
    }

    @Test("Disabled, it schedules nothing; an update reschedules at once; the weekly full refresh is full")
    func disabledAndUpdated() async throws {
        // A recent success: no catch-up, whenever the scheduler task gets to run on a loaded machine.
        try await Self.withScheduler(
            Self.configuration(enabled: false), lastSuccess: Self.start.addingTimeInterval(-600)
        ) { scheduler, trigger, clock in
            try await eventually("the scheduler to settle, disabled") { trigger.publications >= 1 }
            #expect(trigger.requests.isEmpty)
            #expect(clock.sleepers == 0)
            #expect(scheduler.next == nil)
            // Friday 2026-07-03 03:00 UTC is the next slot; make Friday the full-refresh day.
            scheduler.update(Self.configuration(fullRefresh: .friday))
            try await eventually("the firing to be planned") { clock.sleepers == 1 }
            #expect(scheduler.next?.mode == .full)
            clock.advance(by: 12 * 3600)
            try await eventually("the full refresh") { trigger.requests.count == 1 }
            #expect(trigger.requests.first?.mode == .full)
            scheduler.update(Self.configuration(enabled: false))
            try await eventually("the schedule to be dropped") { scheduler.next == nil && trigger.next == nil }
        }
    }
}
