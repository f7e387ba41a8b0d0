import Core
import Foundation
import Sandbox
import Store
import TestSupport
import Testing

@testable import Sync

@Suite("Sync progress and status")
struct StatusTests {
    @Test("The status block shows the last run, the last success, the next firing and the watermark")
    func statusBlockAfterASync() async throws {
        try await SyncWorld.run { world in
            try world.writeCatalog(world.products.prefix(4).map(\.barcode))
            try await world.withDaemon { daemon in
                let empty = JSONValueEncoder.json(await daemon.engine.statusBlock())
                #expect(empty["running"] == .null)
                #expect(empty["last"] == .null)
                #expect(empty["watermark"] == .null)
                let run = try await daemon.sync(.delta())
                let next = try #require(Timestamp.parse("2026-07-03T03:10:00Z"))
                daemon.engine.setNextScheduledRun(next)
                let status = JSONValueEncoder.json(await daemon.engine.statusBlock())
                #expect(status["running"] == .null)
                #expect(status["last"]?["sync_id"]?.stringValue == String(run.id))
                #expect(status["last"]?["state"]?.stringValue == "succeeded")
                #expect(status["last"]?["done"]?.intValue == 4)
                #expect(status["last"]?["total"]?.intValue == 4)
                #expect(status["last"]?["failed_items"]?.intValue == 0)
                #expect(status["last"]?["credits_spent"]?.creditsValue == run.creditsSpent)
                #expect(status["last"]?["reason"] == .null)
                #expect(status["last"]?["finished_at"]?.stringValue != nil)
                #expect(status["last_success_at"]?.stringValue != nil)
                #expect(status["next_at"]?.stringValue == "2026-07-03T03:10:00Z")
                #expect(status["watermark"]?.stringValue == (try await daemon.syncState(.watermark)))
                // The watermark is the server's clock at the start minus the 10 min overlap.
                #expect(status["watermark"]?.stringValue == "2026-07-02T16:20:00Z")
                #expect(try await daemon.engine.report(run.id + 100) == nil)
            }
        }
    }

    @Test("A run's report has the socket's fields, resume_at when paused and eta_seconds while running")
    func reportShape() throws {
        let created = UnixMillis(1_783_009_800_000)
        var run = SyncRun(
            id: 7, mode: .delta, state: .paused, reason: "credit_cap_reached", total: 10, done: 4,
            failedItems: 1, creditsSpent: Credits(thousandths: 5200), createdAt: created, startedAt: created)
        let resume = try #require(Timestamp.parse("2026-07-03T00:00:00Z"))
        let paused = JSONValueEncoder.json(SyncRunReport(run: run, resumeAt: resume))
        #expect(
            paused.objectValue?.map(\.key) == [
                "sync_id", "mode", "state", "reason", "total", "done", "failed_items", "credits_spent", "started_at",
                "finished_at", "resume_at",
            ])
        #expect(paused["sync_id"]?.stringValue == "7")
        #expect(paused["credits_spent"] == .number("5.2"))
        #expect(paused["started_at"]?.stringValue == "2026-07-02T16:30:00Z")
        #expect(paused["finished_at"] == .null)
        #expect(paused["resume_at"]?.stringValue == "2026-07-03T00:00:00Z")
        run.state = .running
        run.reason = nil
        let running = JSONValueEncoder.json(SyncRunReport(run: run, etaSeconds: 42))
        #expect(running["eta_seconds"]?.intValue == 42)
        #expect(running["resume_at"] == nil)
        #expect(running["reason"] == .null)
        run.state = .succeeded
        #expect(JSONValueEncoder.json(SyncRunReport(run: run))["eta_seconds"] == nil)
    }

    @Test("The ETA follows the rate observed in this process")
    func etaFromObservedRate() {
        let start = Date(timeIntervalSince1970: 1000)
        let rate = SyncProgressRate(runID: 1, startedAt: start, doneAtStart: 10)
        #expect(rate.etaSeconds(done: 10, pending: 5, now: start.addingTimeInterval(5)) == nil)
        #expect(rate.etaSeconds(done: 20, pending: 30, now: start.addingTimeInterval(10)) == 30)
        #expect(rate.etaSeconds(done: 20, pending: 0, now: start.addingTimeInterval(10)) == 0)
    }

    @Test("The minute budget bounds the ETA from below: what the window has left, then a minute per limit")
    func etaBoundedByBudget() {
        // Fits in what is left of this window: no bound.
        #expect(SyncProgressRate.budgetSeconds(pending: 50, remaining: 50, limit: 1200, secondsToReset: 40) == 0)
        // 4,507 left, 300 of them in this window ending in 40 s, then 1,200 a minute: 4 more windows.
        #expect(SyncProgressRate.budgetSeconds(pending: 4507, remaining: 300, limit: 1200, secondsToReset: 40) == 220)
        // Exactly one more full window.
        #expect(SyncProgressRate.budgetSeconds(pending: 1300, remaining: 100, limit: 1200, secondsToReset: 10.2) == 11)
        // A reset already passed by this clock counts as now; a zero limit bounds nothing.
        #expect(SyncProgressRate.budgetSeconds(pending: 2500, remaining: 0, limit: 1200, secondsToReset: -3) == 120)
        #expect(SyncProgressRate.budgetSeconds(pending: 10, remaining: 0, limit: 0, secondsToReset: 5) == 0)
    }

    @Test("After a run, finished runs past the retention and expired negative entries are tidied away")
    func tidiesUp() async throws {
        try await SyncWorld.run { world in
            try world.writeCatalog(world.products.prefix(3).map(\.barcode))
            let clock = ManualClock()
            var options = DaemonOptions()
            options.clock = clock.wallClock
            try await clock.passingShortWaits(following: world.sandbox.clock) {
                try await world.withDaemon(options) { daemon in
                    let first = try await daemon.sync(.delta())
                    #expect(first.state == .succeeded)
                    let stale = try #require(Barcode(FakeBarcodes.make(1, excluding: Set(world.sandbox.barcodes))[0]))
                    try await daemon.database.write { connection in
                        try connection.saveNegative(
                            NegativeEntry(barcode: stale, checkedAt: UnixMillis(clock.now), reason: .notFound))
                    }
                    clock.advance(by: 31 * 86_400)
                    world.sandbox.clock.advance(by: .seconds(31 * 86_400))
                    let second = try await daemon.sync(.delta())
                    #expect(second.state == .succeeded)
                    try await eventually("the tidy-up") {
                        try await daemon.database.read { try $0.negative(stale) } == nil
                    }
                    let runs = try await daemon.database.read { try $0.recentSyncRuns(limit: 10) }
                    #expect(runs.map(\.id) == [second.id])
                }
            }
        }
    }
}
