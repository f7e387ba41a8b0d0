import Core
import TestSupport
import Testing

@testable import Store

@Suite("Image index, scan counts, cache stats and the daily spend ledger")
struct IndexAndCountsTests {
    @Test("Image rows are saved, replaced, listed in API order, deleted, and need their product")
    func imageIndex() async throws {
        try await Fixtures.withDatabase { database, _ in
            try await database.write { db in
                try db.saveProduct(Fixtures.product(Fixtures.cereal))
                try db.saveImage(Fixtures.image(Fixtures.cereal, .frontClean, bytes: 10))
                try db.saveImage(Fixtures.image(Fixtures.cereal, .front, bytes: 20))
                try db.saveImage(Fixtures.image(Fixtures.cereal, .front, bytes: 30))
            }
            let rows = try await database.read { try $0.images(for: Fixtures.cereal) }
            #expect(rows.map(\.variant) == [.front, .frontClean])
            #expect(rows.first?.bytes == 30)
            #expect(try await database.read { try $0.image(Fixtures.cereal, variant: .frontClean) } == rows.last)
            #expect(try await database.read { try $0.image(Fixtures.cereal, variant: .back) } == nil)
            #expect(try await database.read { try $0.allImages() } == rows)
            #expect(try await database.write { try $0.deleteImage(Fixtures.cereal, variant: .frontClean) })
            await #expect(throws: SQLiteError.self) {
                try await database.write { try $0.saveImage(Fixtures.image(Fixtures.barcode(5), .front)) }
            }
        }
    }

    @Test("Scan counts add up across flushes; top N and counts for a set are read back")
    func scanCounts() async throws {
        try await Fixtures.withDatabase { database, _ in
            let a = Fixtures.barcode(1)
            let b = Fixtures.barcode(2)
            let c = Fixtures.barcode(3)
            try await database.write { try $0.addScanCounts([a: 3, b: 5, c: 0], at: UnixMillis(1000)) }
            try await database.write { try $0.addScanCounts([a: 4, c: 1], at: UnixMillis(2000)) }
            let top = try await database.read { try $0.topScanned(limit: 2) }
            #expect(
                top == [
                    ScanCount(barcode: a, count: 7, lastScannedAt: UnixMillis(2000)),
                    ScanCount(barcode: b, count: 5, lastScannedAt: UnixMillis(1000)),
                ])
            let some = try await database.read { try $0.scanCounts(for: [b, c, Fixtures.barcode(4)]) }
            #expect(some == [b: 5, c: 1])
        }
    }

    @Test("Cache stats count products, negatives, images and their bytes")
    func cacheStats() async throws {
        try await Fixtures.withDatabase { database, _ in
            try await database.write { db in
                try db.saveProduct(Fixtures.product(Fixtures.cereal))
                try db.saveProduct(Fixtures.product(Fixtures.barcode(1)))
                try db.saveImage(Fixtures.image(Fixtures.cereal, .front, bytes: 1000))
                try db.saveImage(Fixtures.image(Fixtures.cereal, .back, bytes: 234))
                try db.saveNegative(
                    NegativeEntry(barcode: Fixtures.barcode(2), checkedAt: UnixMillis(0), reason: .notFound))
            }
            let stats = try await database.read { try $0.cacheStats() }
            #expect(stats == CacheStats(products: 2, negatives: 1, images: 2, imageBytes: 1234))
        }
    }

    @Test("Daily spend adds exact thousandths per UTC day and old days can be purged")
    func dailySpend() async throws {
        try await Fixtures.withDatabase { database, _ in
            let lateJuly1 = UnixMillis(Timestamp.parse("2026-07-01T23:59:59Z")!)
            let earlyJuly2 = UnixMillis(Timestamp.parse("2026-07-02T00:00:01Z")!)
            let total = try await database.write { db in
                try db.addSpend(Credits(parsing: "0.3")!, at: lateJuly1)
                try db.addSpend(Credits(parsing: "2.6")!, at: earlyJuly2)
                return try db.addSpend(Credits(parsing: "0.01")!, at: earlyJuly2)
            }
            #expect(total.description == "2.61")
            #expect(try await database.read { try $0.spend(day: "2026-07-01") }.description == "0.3")
            #expect(try await database.read { try $0.spend(onDayOf: earlyJuly2) } == Credits(thousandths: 2610))
            #expect(try await database.read { try $0.spend(day: "2026-06-30") } == .zero)
            #expect(try await database.write { try $0.purgeSpend(before: "2026-07-02") } == 1)
        }
    }
}
