import Core
import Foundation
import Testing

@testable import Sandbox

/// The pure parts of the Retagly sandbox, without HTTP: schedules, display binding, parsing.
@Suite("Retagly pure logic")
struct RetaglyLogicTests {
    @Test("The saving schedule never saves a product before its save time and saves every one by sync start")
    func scheduleSaving() {
        let start = Date(timeIntervalSince1970: 1_000_000)
        for count in [1, 7, 999, 2500, 10_001] {
            let schedule = RetaglySchedule(completedAt: start, productCount: count, timing: .default)
            for step in stride(from: -1.0, through: schedule.syncStart.timeIntervalSince(start) + 1, by: 0.37) {
                let now = start.addingTimeInterval(step)
                let saved = schedule.savedCount(at: now)
                #expect(saved >= 0 && saved <= count)
                if saved > 0 { #expect(schedule.saveTime(of: saved - 1) <= now) }
                if saved < count { #expect(schedule.saveTime(of: saved) > now) }
            }
            #expect(schedule.savedCount(at: schedule.syncStart) == count)
        }
    }

    @Test("Default timing: 2,500 products finish saving at 20 s, syncing at 65 s, and 10,000 sync in 10 chunks")
    func scheduleTiming() {
        let start = Date(timeIntervalSince1970: 0)
        let small = RetaglySchedule(completedAt: start, productCount: 2500, timing: .default)
        #expect(small.syncStart.timeIntervalSince1970 == 20 && small.verifyStart.timeIntervalSince1970 == 65)
        #expect(small.checkTime(1).timeIntervalSince1970 == 95)
        let tiny = RetaglySchedule(completedAt: start, productCount: 3, timing: .default)
        #expect(tiny.syncStart.timeIntervalSince1970 == 2 && tiny.verifyStart.timeIntervalSince1970 == 17)
        let large = RetaglySchedule(completedAt: start, productCount: 10_000, timing: .default)
        #expect(large.verifyStart.timeIntervalSince(large.syncStart) == 150)
    }

    @Test("Each barcode is bound to 0 to 3 displays, the same every time, and all four counts occur")
    func displays() {
        let counts = (0..<2000).map { RetaglyDisplays.count(for: RetaglyFixtures.barcode($0)) }
        #expect(Set(counts) == [0, 1, 2, 3])
        #expect(counts == (0..<2000).map { RetaglyDisplays.count(for: RetaglyFixtures.barcode($0)) })
        #expect(
            RetaglyDisplays.count(for: ["017000161563", "017000161563"]) == RetaglyDisplays.count(for: "017000161563"))
    }

    @Test("Parsing keeps exactly the fields sent and tells null from absent")
    func parsing() throws {
        let item: JSONValue = ["barcode": "0017000161563", "stock": nil, "salePrice": .number("1.2"), "onSale": true]
        let change = try RetaglyProductChange.parse(item, index: 0, requireNameAndPrice: false).get()
        #expect(
            change
                == RetaglyProductChange(
                    barcode: "017000161563", stock: .null, onSale: true, salePrice: .value(Money(cents: 120))))
        #expect(change.json == ["barcode": "017000161563", "stock": nil, "onSale": true, "salePrice": .number("1.2")])
        let created = change.applied(to: nil, at: Date())
        #expect(created == nil)
    }

    @Test("Request faults are drawn the same way for the same seed and request order")
    func faultDraws() {
        var faults = RetaglyFaults()
        faults.serverErrorRate = 0.3
        faults.connectionCloseRate = 0.1
        faults.delayRate = 0.2
        func draws(seed: UInt64) -> [RetaglyFaultKind?] {
            var state = RetaglyState(tokens: [], seed: seed, timing: .default, faults: faults, rateLimitPerMinute: nil)
            return (0..<200).map { _ in
                state.requestCount += 1
                return state.drawFault(for: .add, at: Date())?.0
            }
        }
        let first = draws(seed: 3)
        #expect(first == draws(seed: 3))
        #expect(first != draws(seed: 4))
        #expect(first.contains(.serverError) && first.contains(.connectionClosed) && first.contains(.delay))
        #expect(first.contains(nil))
    }
}
