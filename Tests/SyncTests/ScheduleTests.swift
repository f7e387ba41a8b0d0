import Core
import Foundation
import Store
import Sync
import Testing

@Suite("Schedule maths (pure)")
struct ScheduleTests {
    static func at(_ text: String) -> Date { Timestamp.parse(text)! }
    static func zone(_ identifier: String) -> TimeZone { TimeZone(identifier: identifier)! }
    static let three = TimeOfDay(hour: 3, minute: 0)!

    @Test("The next 03:00 in New York is today's when it is still ahead, else tomorrow's")
    func nextSlotSameDayOrNext() {
        let newYork = Self.zone("America/New_York")
        // 2026-07-02 01:00 EDT = 05:00Z → 03:00 EDT the same day = 07:00Z.
        #expect(
            SyncSchedule.nextSlot(after: Self.at("2026-07-02T05:00:00Z"), at: Self.three, in: newYork)
                == Self.at("2026-07-02T07:00:00Z"))
        // Exactly at the slot: the next one.
        #expect(
            SyncSchedule.nextSlot(after: Self.at("2026-07-02T07:00:00Z"), at: Self.three, in: newYork)
                == Self.at("2026-07-03T07:00:00Z"))
    }

    @Test("Spring forward: 02:30 does not exist, so the sync runs at the first valid instant after (03:00)")
    func springForwardGap() {
        let newYork = Self.zone("America/New_York")
        let halfPastTwo = TimeOfDay(hour: 2, minute: 30)!
        // 2026-03-08: clocks jump from 02:00 EST (07:00Z) to 03:00 EDT.
        let slot = SyncSchedule.nextSlot(after: Self.at("2026-03-08T05:00:00Z"), at: halfPastTwo, in: newYork)
        #expect(slot == Self.at("2026-03-08T07:00:00Z"))
        // The day after, 02:30 EDT exists again.
        #expect(SyncSchedule.nextSlot(after: slot, at: halfPastTwo, in: newYork) == Self.at("2026-03-09T06:30:00Z"))
        // Europe: 2026-03-29 02:30 CET does not exist in Berlin (02:00 CET = 01:00Z → 03:00 CEST).
        let berlin = Self.zone("Europe/Berlin")
        #expect(
            SyncSchedule.nextSlot(after: Self.at("2026-03-28T23:00:00Z"), at: halfPastTwo, in: berlin)
                == Self.at("2026-03-29T01:00:00Z"))
    }

    @Test("Fall back: 01:30 happens twice; the sync runs once, at the first")
    func fallBackRepeat() {
        let newYork = Self.zone("America/New_York")
        let halfPastOne = TimeOfDay(hour: 1, minute: 30)!
        // 2026-11-01: 01:30 EDT (05:30Z), then again 01:30 EST (06:30Z).
        let first = SyncSchedule.nextSlot(after: Self.at("2026-11-01T03:00:00Z"), at: halfPastOne, in: newYork)
        #expect(first == Self.at("2026-11-01T05:30:00Z"))
        // After the first run (jitter included), the next one is the next day, not the repeat.
        let next = SyncSchedule.nextSlot(after: first.addingTimeInterval(300), at: halfPastOne, in: newYork)
        #expect(next == Self.at("2026-11-02T06:30:00Z"))
        let between = SyncSchedule.nextSlot(after: Self.at("2026-11-01T06:00:00Z"), at: halfPastOne, in: newYork)
        #expect(between == Self.at("2026-11-02T06:30:00Z"))
    }

    @Test("Time zones far from UTC keep their own local date")
    func farFromUTC() {
        // Kiribati, UTC+14: 03:00 on July 3 local is 13:00Z on July 2.
        #expect(
            SyncSchedule.nextSlot(
                after: Self.at("2026-07-02T12:00:00Z"), at: Self.three, in: Self.zone("Pacific/Kiritimati"))
                == Self.at("2026-07-02T13:00:00Z"))
        // Samoa (Pago Pago), UTC−11: 03:00 local is 14:00Z the same day.
        #expect(
            SyncSchedule.nextSlot(
                after: Self.at("2026-07-02T12:00:00Z"), at: Self.three, in: Self.zone("Pacific/Pago_Pago"))
                == Self.at("2026-07-02T14:00:00Z"))
        // Kathmandu, UTC+05:45.
        #expect(
            SyncSchedule.nextSlot(
                after: Self.at("2026-07-02T00:00:00Z"), at: Self.three, in: Self.zone("Asia/Kathmandu"))
                == Self.at("2026-07-02T21:15:00Z"))
    }

    @Test("A leap day is a day like any other; the slot after it is March 1")
    func leapDay() {
        let utc = Self.zone("UTC")
        let leap = SyncSchedule.nextSlot(after: Self.at("2028-02-28T04:00:00Z"), at: Self.three, in: utc)
        #expect(leap == Self.at("2028-02-29T03:00:00Z"))
        #expect(SyncSchedule.nextSlot(after: leap, at: Self.three, in: utc) == Self.at("2028-03-01T03:00:00Z"))
        #expect(SyncSchedule.weekday(of: leap, in: utc) == .tuesday)
    }

    @Test("Jitter stays within 0 … sync.jitter after the slot")
    func jitterBounds() {
        let newYork = Self.zone("America/New_York")
        let now = Self.at("2026-07-02T05:00:00Z")
        let slot = Self.at("2026-07-02T07:00:00Z")
        let jitter = Duration.seconds(1200)
        #expect(
            SyncSchedule.next(after: now, at: Self.three, in: newYork, jitter: jitter, unitRandom: 0).fireAt == slot)
        let top = SyncSchedule.next(after: now, at: Self.three, in: newYork, jitter: jitter, unitRandom: 0.999_999)
        #expect(top.fireAt > slot && top.fireAt < slot.addingTimeInterval(1200))
        #expect(
            SyncSchedule.next(after: now, at: Self.three, in: newYork, jitter: jitter, unitRandom: 0.5).fireAt
                == slot.addingTimeInterval(600))
        #expect(
            SyncSchedule.next(after: now, at: Self.three, in: newYork, jitter: jitter, unitRandom: 7).fireAt
                <= slot.addingTimeInterval(1200))
        #expect(
            SyncSchedule.next(after: now, at: Self.three, in: newYork, jitter: .zero, unitRandom: 0.7).fireAt == slot)
    }

    @Test("The weekly full refresh falls on the slot's local weekday")
    func weeklyFullRefresh() {
        let tokyo = Self.zone("Asia/Tokyo")
        // 2026-07-04 is a Saturday; 03:00 in Tokyo is 18:00Z on Friday July 3.
        let friday = Self.at("2026-07-03T12:00:00Z")
        let saturday = SyncSchedule.next(
            after: friday, at: Self.three, in: tokyo, jitter: .zero, unitRandom: 0, fullRefresh: .saturday)
        #expect(saturday.slot == Self.at("2026-07-03T18:00:00Z"))
        #expect(saturday.mode == .full)
        let sunday = SyncSchedule.next(
            after: saturday.slot, at: Self.three, in: tokyo, jitter: .zero, unitRandom: 0, fullRefresh: .saturday)
        #expect(sunday.mode == .delta)
        #expect(
            SyncSchedule.next(after: friday, at: Self.three, in: tokyo, jitter: .zero, unitRandom: 0).mode == .delta)
    }

    @Test("A catch-up is due when the last success is older than a day, or there was none")
    func catchUpRule() {
        let now = Self.at("2026-07-02T16:30:00Z")
        #expect(SyncSchedule.needsCatchUp(lastSuccess: nil, now: now))
        #expect(SyncSchedule.needsCatchUp(lastSuccess: now.addingTimeInterval(-86_401), now: now))
        #expect(!SyncSchedule.needsCatchUp(lastSuccess: now.addingTimeInterval(-86_000), now: now))
    }

    @Test("Times and weekdays parse as the configuration writes them")
    func parsing() {
        #expect(TimeOfDay(parsing: "03:00") == TimeOfDay(hour: 3, minute: 0))
        #expect(TimeOfDay(parsing: "3:05")?.description == "03:05")
        #expect(TimeOfDay(parsing: "23:59") != nil)
        for bad in ["24:00", "12:60", "1200", "ab:cd", "12:5", "", "-1:00", "١٢:٠٠"] {
            #expect(TimeOfDay(parsing: bad) == nil, "\(bad)")
        }
        #expect(Weekday(parsing: "Sunday") == .sunday)
        #expect(Weekday(parsing: "sat") == .saturday)
        #expect(Weekday(parsing: "off") == nil)
        #expect(Weekday(parsing: "tues") == nil)
        #expect(Weekday(daysSinceEpoch: 0) == .thursday)
        #expect(Weekday(daysSinceEpoch: -1) == .wednesday)
    }
}
