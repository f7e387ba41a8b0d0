import Core
import Foundation
import Sandbox
import Store
import TestSupport
import Testing
import Upstream

@testable import Sync

@Suite("Budgets: credit cap, day budget, 402 and 403")
struct BudgetTests {
    @Test("A credit cap reached mid-sync pauses it until UTC midnight; past it the sync resumes and completes")
    func creditCapPausesUntilMidnight() async throws {
        try await SyncWorld.run { world in
            let carried = world.products.filter { $0.variants.contains(.front) }.prefix(8).map(\.barcode)
            try world.writeCatalog(carried)
            let clock = ManualClock()
            var options = DaemonOptions()
            options.clock = clock.wallClock
            // 1.3 credits a product: four fit under 6, the fifth would cross it.
            options.configureUpstream = { $0.dailyCreditLimit = Credits(6) }
            try await clock.passingShortWaits(following: world.sandbox.clock) {
                try await world.withDaemon(options) { daemon in
                    let paused = try await daemon.sync(.delta())
                    #expect(paused.state == .paused)
                    #expect(paused.reason == "credit_cap_reached")
                    #expect(paused.done == 4)
                    #expect(world.credits() == Credits(thousandths: 5200))
                    #expect(world.logs.lines(containing: "today's budgets allow only part of the sync").count == 1)
                    let report = try #require(try await daemon.engine.report(paused.id))
                    // Midnight UTC on the sandbox's clock (16:30 → 00:00: 7.5 h), on this machine's clock.
                    let resumeAt = try #require(report.resumeAt ?? nil)
                    #expect(abs(resumeAt.timeIntervalSinceNow - 7.5 * 3600) < 60)
                    #expect(JSONValueEncoder.json(report)["resume_at"]?.stringValue == Timestamp.format(resumeAt))
                    let status = JSONValueEncoder.json(await daemon.engine.statusBlock())
                    #expect(status["running"]?["state"]?.stringValue == "paused")

                    world.sandbox.clock.advance(by: .seconds(8 * 3600))
                    clock.advance(by: 8 * 3600)
                    let resumed = try await daemon.wait(for: paused.id, until: [.succeeded, .failed])
                    #expect(resumed.state == .succeeded)
                    #expect(try await daemon.groundTruthProblems(carried) == [])
                    #expect(world.fetchesPerBarcode().values.allSatisfy { $0 == 1 })
                    #expect(resumed.creditsSpent == Credits(thousandths: 10_400))
                }
            }
        }
    }

    @Test("A spent day budget pauses the sync until UTC midnight of the server's clock, then it completes")
    func dayBudgetPausesUntilMidnight() async throws {
        // Three seconds before midnight on the sandbox's (frozen) clock; 8 requests a day.
        let start = try #require(Timestamp.parse("2026-07-02T23:59:57Z"))
        let configuration = SyncWorld.sandboxConfiguration(
            requestsPerDay: 8, clock: SandboxClock(start: start, mode: .manual))
        try await SyncWorld.run(configuration) { world in
            let carried = world.products.prefix(10).map(\.barcode)
            try world.writeCatalog(carried)
            // The daemon's clock moves with the sandbox's: midnight comes when the test says so.
            let clock = ManualClock()
            var options = DaemonOptions()
            options.clock = clock.wallClock
            options.configureUpstream = { $0.scanReserve = 0 }
            try await clock.passingShortWaits(following: world.sandbox.clock) {
                try await world.withDaemon(options) { daemon in
                    // /pricing and one listing page leave six product fetches for the day.
                    let paused = try await daemon.sync(.delta())
                    #expect(paused.state == .paused)
                    #expect(paused.reason == "day_budget_spent")
                    #expect(paused.done == 6)
                    world.sandbox.clock.advance(by: .seconds(60))
                    clock.advance(by: .seconds(60))
                    let resumed = try await daemon.wait(for: paused.id, until: [.succeeded, .failed])
                    #expect(resumed.state == .succeeded)
                    #expect(try await daemon.groundTruthProblems(carried) == [])
                    #expect(world.fetchesPerBarcode().values.allSatisfy { $0 == 1 })
                }
            }
        }
    }

    @Test("402 pauses the sync as insufficient_credits; after a top-up the hourly balance check resumes it")
    func insufficientCreditsPausesAndResumes() async throws {
        let configuration = SyncWorld.sandboxConfiguration(credits: Credits(4))
        try await SyncWorld.run(configuration) { world in
            let carried = world.products.filter { $0.variants.contains(.front) }.prefix(6).map(\.barcode)
            try world.writeCatalog(carried)
            let clock = ManualClock()
            var options = DaemonOptions()
            options.clock = clock.wallClock
            options.sync.concurrency = 1
            try await clock.passingShortWaits(following: world.sandbox.clock) {
                try await world.withDaemon(options) { daemon in
                    let paused = try await daemon.sync(.delta())
                    #expect(paused.state == .paused)
                    #expect(paused.reason == "insufficient_credits")
                    #expect(paused.done == 3)
                    let report = try #require(try await daemon.engine.report(paused.id))
                    let resumeAt = try #require(report.resumeAt ?? nil)
                    #expect(abs(resumeAt.timeIntervalSince(clock.now) - 3600) < 0.01)
                    world.sandbox.setCredits(SyncWorld.clientID, Credits(100))
                    clock.advance(by: 3600)
                    let resumed = try await daemon.wait(for: paused.id, until: [.succeeded, .failed])
                    #expect(resumed.state == .succeeded)
                    #expect(try await daemon.groundTruthProblems(carried) == [])
                }
            }
        }
    }

    @Test("403 client_disabled fails the sync and keeps the watermark; an operator's resync after re-enabling works")
    func clientDisabledFailsTheRun() async throws {
        try await SyncWorld.run { world in
            let carried = world.products.prefix(6).map(\.barcode)
            try world.writeCatalog(carried)
            try await world.withDaemon { daemon in
                #expect(try await daemon.sync(.delta()).state == .succeeded)
                let watermark = try await daemon.syncState(.watermark)
                world.sandbox.clock.advance(by: .seconds(3600))
                world.sandbox.updateProduct(carried[0])
                world.sandbox.setClientDisabled(SyncWorld.clientID, true)
                let failed = try await daemon.sync(SyncRequest(mode: .delta, origin: .schedule))
                #expect(failed.state == .failed)
                #expect(failed.reason == "client_disabled")
                #expect(try await daemon.syncState(.watermark) == watermark)
                world.sandbox.setClientDisabled(SyncWorld.clientID, false)
                let resynced = try await daemon.sync(.delta(.manual))
                #expect(resynced.state == .succeeded)
                #expect(resynced.id != failed.id)
                #expect(try await daemon.syncState(.watermark) != watermark)
                #expect(try await daemon.groundTruthProblems(carried) == [])
            }
        }
    }

    @Test("The plan takes items in priority order until the credits or requests left run out")
    func budgetPlan() {
        let costs = [Credits(thousandths: 1300), Credits(thousandths: 300), Credits(thousandths: 1300)]
        #expect(SyncBudgetPlan.make(costs: costs, creditsLeft: nil, requestsLeft: nil).fitsToday)
        let capped = SyncBudgetPlan.make(costs: costs, creditsLeft: Credits(2), requestsLeft: nil)
        #expect(capped.fitting == 2 && capped.credits == Credits(thousandths: 1600) && !capped.fitsToday)
        #expect(SyncBudgetPlan.make(costs: costs, creditsLeft: Credits(10), requestsLeft: 1).fitting == 1)
        #expect(SyncBudgetPlan.make(costs: costs, creditsLeft: .zero, requestsLeft: 5).fitting == 0)
    }
}
