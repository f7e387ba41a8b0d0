import Core
import Foundation
import Sandbox
import Store
import Sync
import Testing

@Suite("The image store's cap (storage.max_image_bytes)")
struct ImageCapTests {
    @Test("A sync over the cap evicts least recently used images, never buys them back, and a scan buys one once")
    func capEvictsAndScanBuysBack() async throws {
        try await SyncWorld.run(SyncWorld.sandboxConfiguration(products: 40)) { world in
            let carried = Array(world.products.filter { $0.variants.contains(.front) }.prefix(12).map(\.barcode))
            try #require(carried.count == 12)
            let sizes = carried.compactMap {
                world.sandbox.imageBytes(barcode: $0, variant: .front, clientID: SyncWorld.clientID)?.count
            }
            try #require(sizes.count == carried.count)
            // Room for four of the largest images: well short of all twelve.
            let cap = Int64(sizes.max()! * 4)
            try #require(Int64(sizes.reduce(0, +)) > cap)
            try world.writeCatalog(carried)
            var options = DaemonOptions()
            options.fetch.maxImageBytes = cap
            try await world.withDaemon(options) { daemon in
                let first = try await daemon.sync(.delta())
                #expect(first.state == .succeeded)
                let (total, evicted) = try await daemon.database.read { connection in
                    let evicted = try carried.compactMap { Barcode($0) }.filter {
                        try !connection.evictedVariants(for: $0).isEmpty
                    }
                    return (try connection.imageBytesTotal(), evicted)
                }
                #expect(total <= cap)
                #expect(!evicted.isEmpty)
                #expect(daemon.metrics.value("storesync_images_evicted_total") == Double(evicted.count))
                // Every product is cached: only images were evicted.
                for barcode in carried { #expect(try await daemon.record(barcode) != nil) }
                let stored = try await daemon.database.read { try $0.allImages() }
                for image in stored {
                    let path = try daemon.database.imageStore.absolutePath(
                        barcode: image.barcode, variant: image.variant)
                    #expect(FileManager.default.fileExists(atPath: path))
                }

                // The next delta does not buy them back.
                world.sandbox.clock.advance(by: .seconds(3600))
                let mark = world.sandbox.ledger().count
                #expect(try await daemon.sync(.delta()).state == .succeeded)
                #expect(world.fetchesPerBarcode(from: mark).isEmpty)
                #expect(try await daemon.database.read { try $0.imageBytesTotal() } <= cap)

                // A scan of an evicted product buys it once and serves its image.
                let scanned = evicted[0]
                let scanMark = world.sandbox.ledger().count
                let result = await daemon.fetcher.fetchLive(scanned, deadline: .now + .seconds(60))
                guard case .found(let product) = result else {
                    Issue.record("the scan did not find \(scanned): \(result)")
                    return
                }
                let image = try #require(product.image(.front))
                let path = try daemon.database.imageStore.absolutePath(barcode: scanned, variant: image.variant)
                let bytes = try #require(FileManager.default.contents(atPath: path))
                let truth = world.sandbox.imageBytes(
                    barcode: scanned.digits, variant: .front, clientID: SyncWorld.clientID)
                #expect(Array(bytes) == truth)
                #expect(world.fetchesPerBarcode(from: scanMark) == [scanned.digits: 1])
                #expect(try await daemon.database.read { try $0.evictedVariants(for: scanned) }.isEmpty)
                #expect(try await daemon.database.read { try $0.imageBytesTotal() } <= cap)
            }
        }
    }
}
