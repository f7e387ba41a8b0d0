import Core
import Foundation
import Sandbox
import Store
import Sync
import TestSupport
import Testing

@Suite("Listing: resume, no catalog, metrics, secrets")
struct ListingResumeTests {
    @Test("A listing stopped midway resumes at its saved cursor and buys every changed catalog product once")
    func listingResumesAtItsCursor() async throws {
        try await SyncWorld.run { world in
            try world.writeCatalog(world.products.map(\.barcode))
            world.sandbox.faults.add(FaultRule(.delay(.milliseconds(30)), target: .listing))
            let (reached, signal) = AsyncStream.makeStream(of: Void.self)
            world.sandbox.setRequestHook { info in
                if info.endpoint == .listing, info.count == 3 { signal.yield() }
            }
            var options = DaemonOptions()
            options.sync.pageSize = 4
            let runID = try await world.withDaemon(options) { daemon in
                let (run, _) = try await daemon.engine.start(.delta())
                try #require(await firstSignal(reached), "the sandbox hook never fired")
                return run.id
            }
            world.sandbox.setRequestHook(nil)
            let cursor = try #require(try await world.readState { try $0.syncRunCursor(runID) })
            #expect(cursor.phase == "listing")
            let since = try #require(cursor.since)
            let listingsBefore = world.ledger(.listing).count
            // Stopped midway: at the third page, or a page later when the machine is slow to stop it.
            #expect((3...5).contains(listingsBefore))
            try await world.withDaemon(options) { daemon in
                let run = try await daemon.wait(for: runID)
                #expect(run.state == .succeeded)
                let all = world.products.map(\.barcode)
                #expect(run.done == all.count)
                #expect(try await daemon.groundTruthProblems(all) == [])
            }
            let resumed = try #require(world.ledger(.listing).dropFirst(listingsBefore).first)
            #expect(resumed.path.contains("updated_since=\(since)"))
            #expect(world.fetchesPerBarcode().values.allSatisfy { $0 == 1 })
        }
    }

    @Test("Metrics count runs, listing pages, fetches and credits")
    func metrics() async throws {
        try await SyncWorld.run { world in
            let carried = world.products.prefix(5).map(\.barcode)
            try world.writeCatalog(carried)
            try await world.withDaemon { daemon in
                let run = try await daemon.sync(.delta())
                let metrics = daemon.metrics
                // Recorded just after the run's end is committed.
                try await eventually("the run's outcome to be counted") {
                    metrics.value("storesync_sync_runs_total", [("mode", "delta"), ("state", "succeeded")]) == 1
                }
                #expect(metrics.value("storesync_sync_listing_pages_total") == 1)
                #expect(
                    metrics.value("storesync_sync_items_fetched_total", [("purpose", "sync"), ("outcome", "stored")])
                        == 5)
                #expect(
                    abs(
                        metrics.value("storesync_sync_credits_spent_total", [("mode", "delta")])
                            - run.creditsSpent.doubleValue) < 0.0001)
                #expect(metrics.value("storesync_sync_queue_depth") == 0)
                let images = world.products.prefix(5).filter { $0.variants.contains(.front) }.count
                #expect(metrics.value("storesync_sync_images_stored_total") == Double(images))
            }
        }
    }

    @Test("No log line of a sync holds the api key, a token or a signed image URL")
    func secretsStayOutOfLogs() async throws {
        try await SyncWorld.run { world in
            let carried = world.products.prefix(8).map(\.barcode)
            try world.writeCatalog(carried + FakeBarcodes.make(5, excluding: Set(world.sandbox.barcodes)))
            world.sandbox.faults.add(FaultRule(.serverError(status: 503), target: .imageDelivery, count: 2))
            try await world.withDaemon { daemon in
                #expect(try await daemon.sync(.delta()).state == .succeeded)
                let tokens = try #require(try await daemon.database.read { try $0.tokens() })
                let secrets = [SyncWorld.apiKey, tokens.accessToken, tokens.refreshToken].compactMap { $0 }
                #expect(secrets.count == 3)
                for secret in secrets { #expect(world.logs.lines(containing: secret).isEmpty) }
                #expect(world.logs.lines(containing: "/image/").isEmpty)
                #expect(!world.logs.all.isEmpty)
            }
        }
    }
}
