import Core
import Daemon
import Foundation
import Sandbox
import Store
import Sync
import TestSupport

/// The simulation's own books: the catalog, who scanned what when, and which version of each
/// product the store last paid for (to tell a needed purchase from a wasted one).
struct StoreMonthState {
    let world: StoreWorld
    let setup: StoreMonth.Setup
    var random: SeededRandom
    var catalog: [String]
    var walkIns: [String]
    var lastScanDay: [String: Int] = [:]
    var lastBought: [String: String] = [:]
    var ledgerMark = 0
    var zipf: [Double] = []

    init(world: StoreWorld, setup: StoreMonth.Setup) {
        self.world = world
        self.setup = setup
        self.random = SeededRandom(seed: setup.seed)
        let upstream = Self.upstream(world.sandbox)
        catalog = Array(upstream.prefix(setup.catalog))
        walkIns = Array(upstream.suffix(setup.walkIns))
        rebuildZipf()
    }

    /// The sandbox products that can go upstream (no in-store codes), in listing order.
    static func upstream(_ sandbox: Sandbox) -> [String] {
        sandbox.products.map(\.barcode).filter { Barcode($0).map { !$0.isInStore } ?? false }
    }

    /// One day: the night's upstream changes and sync, twelve hours of scans, then the figures.
    mutating func live(day: Int) async throws -> StoreDay {
        var night = "ok"
        if day > 0 {
            try await changeUpstream()
            night = nightFault(day)
        }
        // A weekly full refresh (as `sync.full_refresh` would run it): it lists everything.
        let full = day > 0 && day % 7 == 0
        let run = try await world.sync(full ? "full" : "delta")
        world.sandbox.faults.clear()
        if night == "ok", run["state"]?.stringValue != "succeeded" {
            throw WorldError("night \(day) did not succeed: \(run)")
        }
        var scans = (carried: 0, fresh: 0)
        for _ in 0..<12 {
            world.advance(by: .seconds(3600))
            try await scanBatch(day: day, into: &scans)
            try await waitForRuns()
        }
        let figures = try await figures(day: day, night: full && night == "ok" ? "ok (full)" : night, scans: scans)
        world.advance(by: .seconds(12 * 3600))
        return figures
    }

    /// The night's fault, if this night fails: upstream down all night (every call answers 503), or
    /// a 429 storm on the listing (the run pauses `rate_limited` and resumes by itself).
    func nightFault(_ day: Int) -> String {
        guard setup.failEvery > 0, day % setup.failEvery == setup.failEvery - 2 else { return "ok" }
        if (day / setup.failEvery) % 2 == 0 {
            world.sandbox.faults.add(FaultRule(.serverError(status: 503), target: .any))
            return "upstream down"
        }
        // Fifteen 429s in a row: more than the client's and the run's retries of a listing page.
        world.sandbox.faults.add(FaultRule(.rateLimited(retryAfter: 1), target: .listing, count: 15))
        return "429 storm"
    }

    /// 0.5–2 % of the catalog changes (a third with new photos); a new product appears upstream and
    /// joins the catalog; a product nobody carries is deleted upstream.
    mutating func changeUpstream() async throws {
        let share = 0.005 + Double(random.next() % 1_000) / 1_000 * 0.015
        let count = max(1, Int((Double(catalog.count) * share).rounded()))
        for index in 0..<count {
            let barcode = catalog[Int(random.next() % UInt64(catalog.count))]
            world.sandbox.updateProduct(barcode, changeImages: index % 3 == 0)
        }
        let added = world.sandbox.addProduct()
        if Barcode(added.barcode).map({ !$0.isInStore }) ?? false {
            catalog.append(added.barcode)
            rebuildZipf()
            try await world.updateCatalog(catalog)
        }
        let kept = Set(catalog).union(walkIns)
        if let victim = Self.upstream(world.sandbox).reversed().first(where: { !kept.contains($0) }) {
            world.sandbox.deleteProduct(victim)
        }
    }

    mutating func rebuildZipf() {
        var total = 0.0
        zipf = catalog.indices.map { rank in
            total += 1 / Double(rank + 1)
            return total
        }
    }

    /// A catalog barcode drawn Zipf-like (rank r with weight 1/r).
    mutating func zipfPick() -> String {
        let target = Double(random.next() % 1_000_000) / 1_000_000 * zipf[zipf.count - 1]
        var low = 0
        var high = zipf.count - 1
        while low < high {
            let mid = (low + high) / 2
            if zipf[mid] < target { low = mid + 1 } else { high = mid }
        }
        return catalog[low]
    }

    /// Waits while a run the scans started (a revalidation) is in progress.
    func waitForRuns() async throws {
        if let id = try await world.daemon.database.read({ try $0.unfinishedSyncRun()?.id }) {
            _ = try await world.waitForSync(String(id))
        }
    }
}
