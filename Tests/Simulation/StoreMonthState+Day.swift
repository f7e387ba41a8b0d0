import Core
import Daemon
import Foundation
import Sandbox
import Store
import Sync
import TestSupport

extension StoreMonthState {
    /// One hour of scans: catalog products (Zipf-like), walk-ins, unknown barcodes and mis-scans.
    mutating func scanBatch(day: Int, into scans: inout (carried: Int, fresh: Int)) async throws {
        for _ in 0..<(setup.scansPerDay / 12) {
            let roll = random.next() % 100
            if roll < 3 {
                let barcode = walkIns[Int(random.next() % UInt64(walkIns.count))]
                lastScanDay[barcode] = day
                _ = try await world.scan(barcode)
            } else if roll < 4 {
                let answer = try await world.scan(unknownBarcode())
                guard answer.status == 404 else { throw WorldError("an unknown barcode answered \(answer.status)") }
            } else if roll < 5 {
                let answer = try await world.scan(misScan(of: zipfPick()))
                guard answer.status == 400 else { throw WorldError("a mis-scan answered \(answer.status)") }
            } else {
                let barcode = zipfPick()
                lastScanDay[barcode] = day
                let answer = try await world.scan(barcode)
                scans.carried += 1
                if answer.status == 200, answer.json?["source"]?.stringValue == "cache",
                    answer.json?["stale"] == .bool(false)
                {
                    scans.fresh += 1
                }
            }
        }
    }

    /// A valid EAN-13 upstream does not know (prefix 97, not an in-store code).
    mutating func unknownBarcode() -> String {
        while true {
            var digits: [UInt8] = [9, 7] + (0..<10).map { _ in UInt8(random.next() % 10) }
            digits.append(Barcode.checkDigit(of: digits))
            let text = String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
            if world.sandbox.product(text) == nil { return text }
        }
    }

    /// `barcode` with a wrong check digit.
    func misScan(of barcode: String) -> String {
        let last = barcode.last!.wholeNumberValue!
        return String(barcode.dropLast()) + String((last + 1) % 10)
    }

    /// The day's figures from the sandbox's ledger and ground truth.
    mutating func figures(day: Int, night: String, scans: (carried: Int, fresh: Int)) async throws -> StoreDay {
        let entries = world.ledger(from: ledgerMark)
        ledgerMark += entries.count
        let keepDays = 30
        let catalogSet = Set(catalog)
        var minimum = Credits.zero
        for entry in entries where entry.creditsDebited > .zero {
            if entry.endpoint == SandboxEndpoint.bulkCheck.rawValue {
                minimum = minimum + entry.creditsDebited
            } else if entry.endpoint == SandboxEndpoint.productGet.rawValue, let barcode = entry.barcode {
                let version = world.sandbox.product(barcode)?.updatedAtText ?? "deleted"
                let kept = catalogSet.contains(barcode) || (lastScanDay[barcode].map { day - $0 < keepDays } ?? false)
                if kept, lastBought[barcode] != version { minimum = minimum + entry.creditsDebited }
                lastBought[barcode] = version
            }
        }
        let kept = catalog + walkIns.filter { lastScanDay[$0].map { day - $0 < keepDays } ?? false }
        return StoreDay(
            day: day, night: night, credits: entries.reduce(.zero) { $0 + $1.creditsDebited }, minimum: minimum,
            requests: entries.filter(\.countedForRateLimit).count, budget: 10_000, carriedScans: scans.carried,
            freshCarriedScans: scans.fresh, wrong: try await wrong(among: kept))
    }

    /// How many of `barcodes` the cache would answer fresh with metadata or a front image that is not
    /// upstream's current version.
    func wrong(among barcodes: [String]) async throws -> Int {
        let sandbox = world.sandbox
        let now = UnixMillis(world.clock.now)
        let ttl = world.daemon.configuration.storage.metadataTTL
        return try await world.daemon.database.read { connection in
            var wrong = 0
            for text in barcodes {
                guard let barcode = Barcode(text), let record = try connection.product(barcode),
                    !record.isStale(at: now, ttl: ttl)
                else { continue }
                guard let truth = sandbox.product(text) else {
                    wrong += 1
                    continue
                }
                let front = try connection.images(for: barcode).first { $0.variant == .front }
                let frontRight = !truth.variants.contains(.front) || front?.productUpdatedAt == truth.updatedAtText
                if record.updatedAt != truth.updatedAtText || !frontRight { wrong += 1 }
            }
            return wrong
        }
    }
}
