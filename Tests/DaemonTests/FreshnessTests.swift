import Core
import Daemon
import Foundation
import Sandbox
import Simulation
import Store
import Testing

/// Day two onward, through the real socket of a whole daemon and the sandbox on one clock: what a
/// scan answers and what the store pays after the first night.
@Suite("Freshness from day two on")
struct FreshnessTests {
    /// The sandbox's products that can go upstream (no in-store codes), in listing order.
    static func upstreamBarcodes(_ sandbox: Sandbox) -> [String] {
        sandbox.products.map(\.barcode).filter { Barcode($0).map { !$0.isInStore } ?? false }
    }

    static func carried(_ sandbox: Sandbox) -> [String] { Array(upstreamBarcodes(sandbox).prefix(30)) }

    @Test("A day-two scan of an unchanged product costs nothing and says stale: false")
    func dayTwoScanIsFreeAndFresh() async throws {
        try await StoreWorld.run(catalog: Self.carried) { world in
            let carried = Self.carried(world.sandbox)
            let first = try await world.sync()
            #expect(first["state"]?.stringValue == "succeeded")
            world.advance(by: .seconds(86_400 + 3600))
            let changed = Array(carried.prefix(3))
            for barcode in changed { _ = world.sandbox.updateProduct(barcode) }
            let mark = world.ledger().count
            let night = try await world.sync()
            #expect(night["state"]?.stringValue == "succeeded")
            #expect(world.fetches(from: mark) == Dictionary(uniqueKeysWithValues: changed.map { ($0, 1) }))
            world.advance(by: .seconds(6 * 3600))
            let scansFrom = world.ledger().count
            for barcode in carried.dropFirst(3) {
                let answer = try await world.scan(barcode)
                #expect(answer.status == 200)
                #expect(answer.json?["source"]?.stringValue == "cache")
                #expect(answer.json?["stale"] == .bool(false), "\(barcode) answered stale")
            }
            #expect(world.credits(from: scansFrom) == .zero)
            #expect(world.fetches(from: scansFrom).isEmpty)
        }
    }

    @Test("Stale appears only after a failed night, and the revalidation pays only for what changed")
    func staleAfterFailedNightRevalidatesForFree() async throws {
        try await StoreWorld.run(catalog: Self.carried) { world in
            let carried = Self.carried(world.sandbox)
            _ = try await world.sync()
            world.advance(by: .seconds(86_400 + 3600))
            world.sandbox.faults.add(FaultRule(.serverError(status: 503), target: .listing))
            let failed = try await world.sync()
            #expect(failed["state"]?.stringValue == "failed")
            // Upstream is down: the cache still answers, honestly stale, and nothing is bought. The
            // stale hit asks for a revalidation, which fails while upstream is down.
            let downFrom = world.ledger().count
            let failedID = try await world.lastRunID()
            let stale = try await world.scan(carried[10])
            #expect(stale.status == 200)
            #expect(stale.json?["stale"] == .bool(true))
            let firstTry = try await world.waitForNextRun(after: failedID)
            #expect(firstTry.run["state"]?.stringValue == "failed")
            #expect(world.credits(from: downFrom) == .zero)
            // Upstream is back; two products changed meanwhile. The next stale scan revalidates.
            world.sandbox.faults.clear()
            let changed = [carried[0], carried[1]]
            for barcode in changed { _ = world.sandbox.updateProduct(barcode) }
            world.advance(by: .seconds(3600))
            let backFrom = world.ledger().count
            let again = try await world.scan(carried[11])
            #expect(again.json?["stale"] == .bool(true))
            let revalidation = try await world.waitForNextRun(after: firstTry.id)
            #expect(revalidation.run["state"]?.stringValue == "succeeded")
            #expect(world.fetches(from: backFrom) == Dictionary(uniqueKeysWithValues: changed.map { ($0, 1) }))
            for barcode in carried.dropFirst(2).prefix(10) {
                #expect(try await world.scan(barcode).json?["stale"] == .bool(false), "\(barcode) still stale")
            }
        }
    }

    @Test("A product neither carried nor recently scanned is not refreshed by the delta; a scan buys it again")
    func uncarriedUnscannedIsNotRefreshed() async throws {
        var setup = StoreWorld.Setup()
        setup.keepScanned = .seconds(2 * 86_400)
        try await StoreWorld.run(setup, catalog: Self.carried) { world in
            let walkIns = Array(Self.upstreamBarcodes(world.sandbox).suffix(2))
            let (forgotten, regular) = (walkIns[0], walkIns[1])
            _ = try await world.sync()
            for barcode in walkIns { #expect(try await world.scan(barcode).json?["source"]?.stringValue == "live") }
            // Three nights pass; `regular` is scanned every day, `forgotten` never again.
            for _ in 0..<3 {
                world.advance(by: .seconds(86_400))
                #expect(try await world.scan(regular).json?["stale"] == .bool(false))
                #expect(try await world.sync()["state"]?.stringValue == "succeeded")
            }
            world.advance(by: .seconds(3600))
            for barcode in walkIns { _ = world.sandbox.updateProduct(barcode) }
            let mark = world.ledger().count
            #expect(try await world.sync()["state"]?.stringValue == "succeeded")
            #expect(world.fetches(from: mark) == [regular: 1])
            // The listing proved `forgotten` changed: it is stale now and bought when scanned.
            let scanned = try await world.scan(forgotten)
            #expect(scanned.json?["source"]?.stringValue == "live")
            #expect(scanned.json?["stale"] == .bool(false))
            #expect(world.fetches(from: mark) == [regular: 1, forgotten: 1])
        }
    }

    @Test("A full refresh pays only for what changed, and drops what upstream deleted for free")
    func fullRefreshPaysOnlyForChanges() async throws {
        try await StoreWorld.run(catalog: Self.carried) { world in
            let carried = Self.carried(world.sandbox)
            #expect(try await world.sync()["state"]?.stringValue == "succeeded")
            world.advance(by: .seconds(86_400 + 3600))
            let changed = [carried[3], carried[4]]
            for barcode in changed { _ = world.sandbox.updateProduct(barcode) }
            let deleted = carried[5]
            world.sandbox.deleteProduct(deleted)
            let mark = world.ledger().count
            #expect(try await world.sync("full")["state"]?.stringValue == "succeeded")
            #expect(world.fetches(from: mark) == Dictionary(uniqueKeysWithValues: changed.map { ($0, 1) }))
            let asked = world.ledger(from: mark).filter { $0.barcode == deleted }
            #expect(asked.map(\.status) == [404] && asked.allSatisfy { $0.creditsDebited == .zero })
            let scan = try await world.scan(carried[6])
            #expect(scan.json?["stale"] == .bool(false))
            #expect(try await world.daemon.database.read { try $0.product(Barcode(deleted)!) } == nil)
        }
    }
}
