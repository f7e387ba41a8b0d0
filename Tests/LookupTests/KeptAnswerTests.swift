import Core
import Store
import TestSupport
import Testing

/// A kept answer (``EncodedAnswerTests``) is retired by exactly the writes that change it: it is
/// never reused once encoding anew would differ, and stays in use through writes that change
/// nothing it shows (the sync storing other products, scan flushes, shelf writes).
@Suite("Kept answers retired by the writes that change them")
struct KeptAnswerTests {
    static let cereal = "017000161563"
    static let other = "036000291452"

    /// Stores `code` as fetched `age` before the bench's clock, named `name`.
    static func seed(_ bench: EngineBench, _ code: String, name: String, age: Duration = .seconds(60)) async throws {
        let record = ProductRecord(
            barcode: Barcode(code)!, productMeta: #"{"product_name":"\#(name)"}"#, updatedAt: "2026-07-01T00:00:00Z",
            fetchedAt: bench.now.adding(.zero - age), source: .sync)
        try await bench.database.write { try $0.saveProduct(record) }
    }

    /// An index row for `code`'s front image.
    static func frontImage(_ code: String, bytes: Int64) -> ImageRecord {
        let barcode = Barcode(code)!
        return ImageRecord(
            barcode: barcode, variant: .front,
            relativePath: try! ImageStore.relativePath(barcode: barcode, variant: .front),
            sha256: String(repeating: "cd", count: 32), bytes: bytes, contentType: "image/jpeg",
            productUpdatedAt: "2026-07-01T00:00:00Z", storedAt: UnixMillis(1_780_000_000_000))
    }

    /// Scans the cereal twice (the second answer is the kept one), runs `write`, then scans again:
    /// the last answer must come from SQLite and be what encoding anew gives. Returns it.
    @discardableResult
    static func expectRetired(
        _ bench: EngineBench, by write: @escaping @Sendable (WriteConnection) throws -> Void
    ) async throws -> String {
        let first = try #require(bench.answer(cereal))
        let reads = bench.productReads
        #expect(bench.answer(cereal) == first)
        #expect(bench.productReads == reads, "the repeated scan reuses the kept answer")
        try await bench.database.write(write)
        let after = try #require(bench.answer(cereal))
        #expect(bench.productReads == reads + 1, "the write retired the kept answer")
        let fresh = try bench.freshAnswer(cereal)
        #expect(after == fresh)
        #expect(after != first)
        return after
    }

    @Test("A product upsert, an image stored, replaced or removed and an outdated mark each retire the kept answer")
    func answerWrites() async throws {
        try await EngineBench.run { bench in
            try await Self.seed(bench, Self.cereal, name: "Old Name")
            let renamed = ProductRecord(
                barcode: Barcode(Self.cereal)!, productMeta: #"{"product_name":"New Name"}"#,
                updatedAt: "2026-07-02T00:00:00Z", fetchedAt: bench.now, source: .sync)
            let upserted = try await Self.expectRetired(bench) { try $0.saveProduct(renamed) }
            #expect(upserted.contains("New Name"))
            let stored = try await Self.expectRetired(bench) {
                try $0.saveImage(Self.frontImage(Self.cereal, bytes: 7))
            }
            #expect(stored.contains(#""bytes":7"#))
            let replaced = try await Self.expectRetired(bench) {
                try $0.saveImage(Self.frontImage(Self.cereal, bytes: 9))
            }
            #expect(replaced.contains(#""bytes":9"#))
            let removed = try await Self.expectRetired(bench) {
                try $0.deleteImage(Barcode(Self.cereal)!, variant: .front)
            }
            #expect(removed.contains(#""images":{}"#))
            // A listing that showed a newer version: the next scan buys it (the slow path), never the kept answer.
            #expect(bench.answer(Self.cereal) == removed)
            let reads = bench.productReads
            try await bench.database.write { try $0.markOutdated(Barcode(Self.cereal)!) }
            #expect(bench.answer(Self.cereal) == nil)
            #expect(bench.productReads == reads + 1)
        }
    }

    @Test("A kept answer is not reused once the TTL has passed: it says stale")
    func timePasses() async throws {
        try await EngineBench.run { bench in
            try await Self.seed(bench, Self.cereal, name: "Cereal")
            let first = try #require(bench.answer(Self.cereal))
            #expect(first.contains(#""stale":false"#))
            let reads = bench.productReads
            bench.clock.advance(by: 86_400)
            let later = try #require(bench.answer(Self.cereal))
            #expect(bench.productReads == reads + 1)
            #expect(later.contains(#""stale":true"#))
            let fresh = try bench.freshAnswer(Self.cereal)
            #expect(later == fresh)
        }
    }

    @Test("Another product stored, a scan flush, a shelf outbox write, sync bookkeeping and a listing keep it")
    func otherWrites() async throws {
        try await EngineBench.run { bench in
            try await Self.seed(bench, Self.cereal, name: "Cereal")
            let first = try #require(bench.answer(Self.cereal))
            let reads = bench.productReads
            let now = bench.now
            let cereal = Barcode(Self.cereal)!
            try await Self.seed(bench, Self.other, name: "Other")
            try await bench.database.write { try $0.saveImage(Self.frontImage(Self.other, bytes: 5)) }
            try await bench.database.write { try $0.addScanCounts([cereal: 4], at: now) }
            try await bench.database.write { db in
                let change = ShelfNewChange(barcode: StoreBarcode(cereal), change: #"{"price":2.49}"#, fields: .price)
                try db.appendShelfChanges([change], source: .pos, at: now)
            }
            try await bench.database.write { db in
                let run = try db.createSyncRun(mode: .delta, at: now)
                try db.setSyncState(.watermark, to: "2026-07-01T00:00:00Z", at: now)
                try db.validateUnlisted(since: UnixMillis(1), listedFrom: now, exceptQueuedBy: run.id)
            }
            #expect(bench.answer(Self.cereal) == first)
            #expect(bench.productReads == reads, "no write changed the cereal's answer")
            let fresh = try bench.freshAnswer(Self.cereal)
            #expect(first == fresh)
        }
    }
}
