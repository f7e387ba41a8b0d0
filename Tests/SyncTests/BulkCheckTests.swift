import Core
import Foundation
import Sandbox
import Store
import Sync
import TestSupport
import Testing
import Upstream

@Suite("Bulk-check prefilter against the sandbox")
struct BulkCheckTests {
    @Test(
        "Uncached catalog barcodes are checked 500 per call; unknown ones get negatives not re-checked within the TTL")
    func chunksNegativesAndTTL() async throws {
        try await SyncWorld.run { world in
            let rates = try await SandboxRates.read(world.sandbox)
            let real = world.products.prefix(10).map(\.barcode)
            let fake = FakeBarcodes.make(1100, excluding: Set(world.sandbox.barcodes))
            try world.writeCatalog(real + fake)
            let clock = ManualClock()
            var options = DaemonOptions()
            options.clock = clock.wallClock
            try await clock.passingShortWaits(following: world.sandbox.clock) {
                try await world.withDaemon(options) { daemon in
                    let first = try await daemon.sync(.delta())
                    #expect(first.state == .succeeded)
                    let checks = world.ledger(.bulkCheck)
                    #expect(checks.count == 3)
                    // 500 + 500 + 100 barcodes at 0.01 each.
                    #expect(checks.map(\.creditsDebited).sorted() == [Credits(1), Credits(5), Credits(5)])
                    #expect(Set(checks.compactMap(\.idempotencyKey)).count == 3)
                    for key in checks.compactMap(\.idempotencyKey) {
                        #expect(key.hasPrefix("storesync-\(SyncWorld.clientID)-2026-07-02-"))
                        #expect(key.count == "storesync-\(SyncWorld.clientID)-2026-07-02-".count + 16)
                    }
                    let fetches = real.compactMap { world.sandbox.product($0) }.reduce(Credits.zero) {
                        $0 + rates.minimumFetch($1)
                    }
                    #expect(first.creditsSpent == Credits(11) + fetches)
                    let negatives = try await daemon.database.read { try $0.cacheStats().negatives }
                    #expect(negatives == fake.count)
                    #expect(try await daemon.groundTruthProblems(real) == [])

                    // A real product the store starts to carry, unchanged upstream (so not in the delta):
                    // the prefilter finds it and it is fetched; the negatives are not checked again.
                    let added = try #require(world.products.dropFirst(20).first { $0.variants.contains(.front) })
                    try world.writeCatalog(real + fake + [added.barcode])
                    daemon.watcher.checkNow()
                    let mark = world.sandbox.ledger().count
                    let second = try await daemon.sync(.delta())
                    #expect(second.state == .succeeded)
                    let secondChecks = world.ledger(.bulkCheck, from: mark)
                    #expect(secondChecks.count == 1)
                    #expect(secondChecks.first?.creditsDebited == Credits(thousandths: 10))
                    #expect(world.fetchesPerBarcode(from: mark) == [added.barcode: 1])
                    #expect(try await daemon.groundTruthProblems([added.barcode]) == [])

                    // Past the negative TTL (7 days) they are checked again.
                    clock.advance(by: 8 * 86_400)
                    world.sandbox.clock.advance(by: .seconds(8 * 86_400))
                    let thirdMark = world.sandbox.ledger().count
                    let third = try await daemon.sync(.delta())
                    #expect(third.state == .succeeded)
                    #expect(world.ledger(.bulkCheck, from: thirdMark).count == 3)
                }
            }
        }
    }

    @Test("A bulk-check whose answer is lost is retried under the same key: replayed, charged once")
    func lostAnswerIsReplayedForFree() async throws {
        try await SyncWorld.run { world in
            let fake = FakeBarcodes.make(30, excluding: Set(world.sandbox.barcodes))
            try world.writeCatalog(fake)
            world.sandbox.faults.add(FaultRule(.delay(.milliseconds(1500)), target: .bulkCheck, count: 1))
            var options = DaemonOptions()
            options.configureUpstream = { $0.requestTimeout = .seconds(1) }
            try await world.withDaemon(options) { daemon in
                let run = try await daemon.sync(.delta())
                #expect(run.state == .succeeded)
                let checks = world.ledger(.bulkCheck)
                #expect(checks.count == 2)
                #expect(checks.map(\.idempotencyKey).allSatisfy { $0 == checks.first?.idempotencyKey })
                #expect(checks.map(\.replayed) == [false, true])
                #expect(checks.map(\.creditsDebited) == [Credits(thousandths: 300), .zero])
                #expect(checks.allSatisfy { $0.status == 200 })
                #expect(try await daemon.database.read { try $0.cacheStats().negatives } == fake.count)
            }
        }
    }
}
