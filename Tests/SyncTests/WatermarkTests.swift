import Core
import Foundation
import Sandbox
import Store
import Sync
import Testing

@Suite("The watermark and failed items")
struct WatermarkTests {
    @Test("A 5xx storm fails the run after the attempt limit and the watermark stays; the next sync catches up")
    func serverErrorStormKeepsTheWatermark() async throws {
        try await SyncWorld.run { world in
            let carried = world.products.prefix(12).map(\.barcode)
            try world.writeCatalog(carried)
            try await world.withDaemon { daemon in
                #expect(try await daemon.sync(.delta()).state == .succeeded)
                let watermark = try #require(try await daemon.syncState(.watermark))
                let lastSuccess = try await daemon.syncState(.lastSuccessAt)
                world.sandbox.clock.advance(by: .seconds(3600))
                let changed = Array(carried[0..<3])
                for barcode in changed { world.sandbox.updateProduct(barcode) }
                world.sandbox.faults.add(FaultRule(.serverError(status: 503), target: .productGet))
                let mark = world.sandbox.ledger().count
                let failed = try await daemon.sync(.delta())
                #expect(failed.state == .failed)
                #expect(failed.reason?.hasPrefix("items_failed") == true)
                #expect(failed.failedItems == changed.count)
                #expect(failed.done == 0)
                #expect(try await daemon.syncState(.watermark) == watermark)
                #expect(try await daemon.syncState(.lastSuccessAt) == lastSuccess)
                let storm = world.ledger(.productGet, from: mark)
                #expect(storm.allSatisfy { $0.injected && $0.status == 503 })
                // Three attempts per item, each retried by the client (4 tries): 3 × 3 × 4.
                #expect(storm.count == changed.count * 3 * 4)
                #expect(world.credits(from: mark) == .zero)

                world.sandbox.faults.clear()
                let recovered = try await daemon.sync(.delta())
                #expect(recovered.state == .succeeded)
                #expect(recovered.done == changed.count)
                let advanced = try #require(try await daemon.syncState(.watermark))
                #expect(try #require(Timestamp.parse(advanced)) > #require(Timestamp.parse(watermark)))
                #expect(try await daemon.groundTruthProblems(carried) == [])
            }
        }
    }

    @Test("A product upstream deleted is a permanent failure: it is removed, and the watermark still advances")
    func deletedProductIsPermanent() async throws {
        try await SyncWorld.run { world in
            let carried = world.products.prefix(8).map(\.barcode)
            try world.writeCatalog(carried)
            try await world.withDaemon { daemon in
                #expect(try await daemon.sync(.delta()).state == .succeeded)
                let gone = carried[0]
                #expect(try await daemon.record(gone) != nil)
                world.sandbox.deleteProduct(gone)
                // A full refresh asks for every carried product; the deleted one answers 404.
                let full = try await daemon.sync(.full())
                #expect(full.state == .succeeded)
                #expect(try await daemon.record(gone) == nil)
                let negative = try await daemon.database.read { try $0.negative(Barcode(gone)!) }
                #expect(negative?.reason == .notFound)
                #expect(try await daemon.syncState(.lastFullAt) != nil)
            }
        }
    }

    @Test("A listing storm that passes is ridden out; one that lasts fails the run as upstream_unavailable")
    func listingFailures() async throws {
        try await SyncWorld.run { world in
            let carried = world.products.prefix(4).map(\.barcode)
            try world.writeCatalog(carried)
            try await world.withDaemon { daemon in
                // Four tries per call by the client: the first call fails, the second gets through.
                world.sandbox.faults.add(FaultRule(.serverError(status: 502), target: .listing, count: 6))
                #expect(try await daemon.sync(.delta()).state == .succeeded)
                let watermark = try await daemon.syncState(.watermark)
                #expect(watermark != nil)
                world.sandbox.faults.clear()
                world.sandbox.faults.add(FaultRule(.serverError(status: 503), target: .listing))
                let mark = world.sandbox.ledger().count
                let failed = try await daemon.sync(.delta())
                #expect(failed.state == .failed)
                #expect(failed.reason == "upstream_unavailable")
                #expect(try await daemon.syncState(.watermark) == watermark)
                #expect(world.ledger(.listing, from: mark).count == 3 * 4)
            }
        }
    }
}
