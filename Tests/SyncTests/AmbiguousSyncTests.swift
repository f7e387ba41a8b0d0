import Core
import Foundation
import Sandbox
import Store
import Sync
import Testing
import Upstream

/// A store catalog that lists 8-digit codes valid both as EAN-8 and as UPC-E: some name EAN-8
/// products, some the UPC-A products whose UPC-E symbol the store prints. Each is synced under the
/// barcode upstream keys it by.
@Suite("Syncing ambiguous 8-digit catalog codes")
struct AmbiguousSyncTests {
    static func configuration() -> SandboxConfiguration {
        var configuration = SyncWorld.sandboxConfiguration()
        configuration.ambiguousProducts = 2
        return configuration
    }

    @Test("Ambiguous 8-digit catalog codes are synced from the listing under the barcode upstream keys, EAN-8 or UPC-A")
    func fromListing() async throws {
        try await SyncWorld.run(Self.configuration()) { world in
            let codes = world.sandbox.ambiguousCodes
            #expect(codes.filter(\.isEAN8).count == 2 && codes.filter { !$0.isEAN8 }.count == 2)
            let regular = world.products.prefix(5).map(\.barcode)
            try world.writeCatalog(codes.map(\.code) + regular)
            try await world.withDaemon { daemon in
                let run = try await daemon.sync(.delta())
                #expect(run.state == .succeeded)
                #expect(try await daemon.groundTruthProblems(codes.map(\.barcode) + regular) == [])
                // Each product bought once, under upstream's key; an 8-digit code upstream lacks never asked.
                #expect(
                    world.fetchesPerBarcode()
                        == Dictionary(uniqueKeysWithValues: (codes.map(\.barcode) + regular).map { ($0, 1) }))
                #expect(world.ledger(.bulkCheck).isEmpty)
            }
        }
    }

    @Test(
        "An ambiguous 8-digit catalog code upstream knows as EAN-8 is synced under its 8 digits, found by a bulk-check of both readings"
    )
    func fromBulkCheck() async throws {
        try await SyncWorld.run(Self.configuration()) { world in
            let codes = world.sandbox.ambiguousCodes
            try world.writeCatalog([])
            try await world.withDaemon { daemon in
                // A first delta leaves the watermark after every product: the next one lists nothing.
                #expect(try await daemon.sync(.delta()).state == .succeeded)
                try world.writeCatalog(codes.map(\.code))
                daemon.watcher.checkNow()
                let mark = world.sandbox.ledger().count
                let second = try await daemon.sync(.delta())
                #expect(second.state == .succeeded)
                let checked = world.ledger(.bulkCheck, from: mark)
                // Both readings of each ambiguous code at 0.01 each (a UPC-E that is no usable EAN-8: one).
                let readings = codes.reduce(0) { $0 + Barcode($1.code)!.readings.count }
                #expect(readings > codes.count)
                #expect(
                    checked.reduce(Credits.zero) { $0 + $1.creditsDebited }
                        == Credits(thousandths: Int64(10 * readings)))
                #expect(try await daemon.groundTruthProblems(codes.map(\.barcode)) == [])
                #expect(
                    world.fetchesPerBarcode(from: mark)
                        == Dictionary(uniqueKeysWithValues: codes.map { ($0.barcode, 1) }))

                // Resolved: the next run neither checks nor fetches them again.
                let third = world.sandbox.ledger().count
                #expect(try await daemon.sync(.delta()).state == .succeeded)
                #expect(world.ledger(.bulkCheck, from: third).isEmpty)
                #expect(world.ledger(.productGet, from: third).isEmpty)
            }
        }
    }

    @Test("A barcodes run of an ambiguous code upstream knows only as UPC-A gets a free 404, then the UPC-A")
    func barcodesRun() async throws {
        try await SyncWorld.run(Self.configuration()) { world in
            let code = try #require(world.sandbox.ambiguousCodes.filter({ !$0.isEAN8 && $0.code.hasPrefix("1") }).first)
            try await world.withDaemon { daemon in
                let run = try await daemon.sync(.barcodes([Barcode(code.code)!]))
                #expect(run.state == .succeeded)
                let gets = world.ledger(.productGet)
                #expect(gets.map(\.barcode) == [code.code, code.barcode])
                #expect(gets.first?.status == 404 && gets.first?.creditsDebited == .zero)
                #expect(try await daemon.groundTruthProblems([code.barcode]) == [])
            }
        }
    }
}
