import Core
import Foundation
import Sandbox
import Store
import Sync
import Testing

@Suite("Priority, modes and joining")
struct PriorityAndModeTests {
    @Test("The most scanned barcodes are fetched first")
    func mostScannedFirst() async throws {
        try await SyncWorld.run { world in
            let carried = world.products.prefix(10).map(\.barcode)
            try world.writeCatalog(carried)
            var options = DaemonOptions()
            options.sync.concurrency = 1
            try await world.withDaemon(options) { daemon in
                let scans: [String: Int] = [carried[7]: 50, carried[2]: 20, carried[9]: 5]
                let counts = Dictionary(uniqueKeysWithValues: scans.map { (Barcode($0.key)!, $0.value) })
                try await daemon.database.write { try $0.addScanCounts(counts, at: UnixMillis.now()) }
                #expect(try await daemon.sync(.delta()).state == .succeeded)
                let order = world.ledger(.productGet).compactMap(\.barcode)
                #expect(Array(order.prefix(3)) == [carried[7], carried[2], carried[9]])
                #expect(Set(order) == Set(carried))
            }
        }
    }

    @Test("A full refresh lists everything and buys only what changed; given barcodes fetch exactly those")
    func fullAndBarcodesModes() async throws {
        try await SyncWorld.run { world in
            let carried = world.products.prefix(6).map(\.barcode)
            try world.writeCatalog(carried)
            try await world.withDaemon { daemon in
                #expect(try await daemon.sync(.delta()).state == .succeeded)
                let watermark = try await daemon.syncState(.watermark)
                world.sandbox.clock.advance(by: .seconds(60))
                world.sandbox.updateProduct(carried[2])
                let mark = world.sandbox.ledger().count
                let full = try await daemon.sync(.full())
                #expect(full.state == .succeeded)
                #expect(world.fetchesPerBarcode(from: mark) == [carried[2]: 1])
                #expect(!world.ledger(.listing, from: mark).isEmpty)
                #expect(!world.ledger(.listing, from: mark).contains { $0.path.contains("updated_since") })

                let wanted = [carried[1], world.products[20].barcode]
                let barcodesMark = world.sandbox.ledger().count
                let watermarkBefore = try await daemon.syncState(.watermark)
                let given = try await daemon.sync(.barcodes(wanted.compactMap { Barcode($0) }))
                #expect(given.state == .succeeded)
                #expect(given.mode == .barcodes)
                #expect(
                    world.fetchesPerBarcode(from: barcodesMark)
                        == Dictionary(uniqueKeysWithValues: wanted.map { ($0, 1) }))
                #expect(world.ledger(.listing, from: barcodesMark).isEmpty)
                #expect(try await daemon.syncState(.watermark) == watermarkBefore)
                #expect(watermark != nil)
            }
        }
    }

    @Test("A request while a sync is unfinished joins it: same run, joined")
    func requestsJoinTheRunningSync() async throws {
        try await SyncWorld.run { world in
            let carried = world.products.prefix(8).map(\.barcode)
            try world.writeCatalog(carried)
            world.sandbox.faults.add(FaultRule(.delay(.milliseconds(100)), target: .productGet))
            try await world.withDaemon { daemon in
                let first = try await daemon.engine.start(.delta())
                let second = try await daemon.engine.start(.full())
                let extra = try #require(Barcode(world.products[30].barcode))
                let third = try await daemon.engine.start(.barcodes([extra]))
                #expect(!first.joined)
                #expect(second.joined && second.run.id == first.run.id)
                #expect(third.joined && third.run.id == first.run.id)
                let ended = try await daemon.wait(for: first.run.id)
                #expect(ended.state == .succeeded)
                // The joined barcode was fetched within the same run.
                #expect(ended.total == carried.count + 1)
                #expect(try await daemon.record(extra.digits) != nil)
                #expect(try await daemon.database.read { try $0.recentSyncRuns(limit: 10).count } == 1)
            }
        }
    }
}
