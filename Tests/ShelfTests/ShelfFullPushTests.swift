import Core
import Foundation
import Sandbox
import Store
import TestSupport
import Testing

@testable import Shelf

@Suite("The daily full catalog push")
struct ShelfFullPushTests {
    /// A catalog of `count` products priced `price`.
    private func catalog(_ count: Int, price: String = "2.00") -> [Barcode: CatalogEntry] {
        Dictionary(
            uniqueKeysWithValues: (1...count).map { n in
                let barcode = ShelfSamples.barcode(n).key
                return (
                    barcode,
                    CatalogEntry(barcode: barcode, name: "Catalog \(n)", price: ShelfSamples.money(price), stock: n)
                )
            })
    }

    @Test("The full push sends the catalog through a session, then nothing while it is unchanged")
    func pushesThenSkips() async throws {
        let entries = catalog(150)
        try await ShelfTestbed.run(startPusher: false) { testbed in
            let pusher = testbed.makePusher(catalog: entries)
            #expect(try await pusher.queueFullPush() == 150)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await pusher.run() }
                defer { group.cancelAll() }
                try await testbed.waitUntil("the catalog is delivered") { try await testbed.isDrained() }
                let products = testbed.harness.products
                #expect(products.count == 150)
                #expect(products[ShelfSamples.barcode(7).digits]?.name == "Catalog 7")
                #expect(products[ShelfSamples.barcode(7).digits]?.stock == 7)
                #expect(testbed.ledger.contains { $0.endpoint == .batchComplete })
                #expect(try await pusher.queueFullPush() == 0)
            }
            let state = try await testbed.database.read { try $0.shelfState(ShelfPusher.lastFullPushKey) }
            #expect(state.flatMap(Timestamp.parse) != nil)
        }
    }

    @Test("The full push never overrides a field the POS changed after the catalog was exported")
    func newerPOSChangeWins() async throws {
        let exported = Date().addingTimeInterval(-3600)
        let older = catalog(3, price: "2.00")
        try await ShelfTestbed.run(startPusher: false) { testbed in
            let first = testbed.makePusher(catalog: older)
            try await first.queueFullPush()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await first.run() }
                defer { group.cancelAll() }
                try await testbed.waitUntil("the catalog is delivered") { try await testbed.isDrained() }
                await testbed.send([ShelfSamples.change(ShelfSamples.barcode(1), [("price", "9.99")])])
                try await testbed.waitUntil("the POS price is delivered") { try await testbed.isDrained() }
            }
            // A new catalog, exported an hour ago (before the POS change), with new prices and stock.
            var newer = catalog(3, price: "3.00")
            newer[ShelfSamples.barcode(2).key]?.stock = 99
            let second = testbed.makePusher(catalog: newer, catalogAsOf: exported)
            #expect(try await second.queueFullPush() == 2, "product 1 only changes its price, which the POS set later")
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await second.run() }
                defer { group.cancelAll() }
                try await testbed.waitUntil("the catalog is delivered") { try await testbed.isDrained() }
            }
            let products = testbed.harness.products
            #expect(products[ShelfSamples.barcode(1).digits]?.price == ShelfSamples.money("9.99"))
            #expect(products[ShelfSamples.barcode(2).digits]?.price == ShelfSamples.money("3.00"))
            #expect(products[ShelfSamples.barcode(2).digits]?.stock == 99)
            #expect(products[ShelfSamples.barcode(3).digits]?.price == ShelfSamples.money("3.00"))
            #expect(testbed.harness.unexcusedRepeats.isEmpty)
        }
    }

    @Test("With shelf.full_push on, a push missed since the last run is queued when the pusher starts")
    func scheduledCatchUp() async throws {
        let entries = catalog(2)
        try await ShelfTestbed.run(startPusher: false) { testbed in
            try await testbed.database.write { connection in
                try connection.setShelfState(
                    ShelfPusher.lastFullPushKey, Timestamp.format(Date().addingTimeInterval(-3 * 86_400)))
            }
            var configuration = testbed.configuration
            configuration.fullPushAt = TimeOfDay(hour: 4, minute: 0)
            let pusher = testbed.makePusher(catalog: entries, configuration: configuration)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await pusher.run() }
                defer { group.cancelAll() }
                try await testbed.waitUntil("the catalog is delivered") { testbed.harness.products.count == 2 }
            }
            let last = try await testbed.database.read { try $0.shelfState(ShelfPusher.lastFullPushKey) }
            #expect(last.flatMap(Timestamp.parse).map { $0 > Date().addingTimeInterval(-60) } == true)
        }
    }
}
