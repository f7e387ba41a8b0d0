import Core
import TestSupport
import Testing

@testable import Store

@Suite("The lookup hot path's product reader")
struct ProductReaderTests {
    @Test("A lookup returns the product and its images in API order, and nil for a miss")
    func lookup() async throws {
        try await Fixtures.withDatabase { database, directory in
            let record = Fixtures.product(Fixtures.cereal)
            try await database.write { db in
                try db.saveProduct(record)
                try db.saveImage(Fixtures.image(Fixtures.cereal, .backClean, bytes: 7))
                try db.saveImage(Fixtures.image(Fixtures.cereal, .front, bytes: 9))
                try db.saveProduct(Fixtures.product(Fixtures.barcode(1)))
            }
            let reader = try database.makeProductReader()
            defer { reader.close() }
            let hit = try #require(reader.lookup(Fixtures.cereal))
            #expect(hit.productMeta == record.productMeta)
            #expect(hit.imageMeta == record.imageMeta)
            #expect(hit.updatedAt == record.updatedAt && hit.fetchedAt == record.fetchedAt)
            #expect(hit.variantsAvailable == [.front, .frontClean] && hit.source == .sync)
            #expect(hit.images.map(\.variant) == [.front, .backClean])
            #expect(hit.image(.front)?.bytes == 9)
            #expect(hit.image(.front)?.contentType == "image/jpeg")
            #expect(reader.absolutePath(of: hit.images[0]) == directory.path + "/images/017/017000161563/front.jpg")
            #expect(!hit.isStale(at: record.fetchedAt.adding(.seconds(3600 * (23))), ttl: .seconds(3600 * (24))))

            let bare = try #require(reader.lookup(Fixtures.barcode(1)))
            #expect(bare.images.isEmpty)
            #expect(reader.lookup(Fixtures.barcode(2)) == nil)
            #expect(reader.lastError == nil)
        }
    }

    @Test("Thousands of lookups, image and negative reads prepare no statement after creation")
    func noPrepares() async throws {
        try await Fixtures.withDatabase { database, _ in
            try await database.write { db in
                try db.saveProduct(Fixtures.product(Fixtures.cereal))
                try db.saveImage(Fixtures.image(Fixtures.cereal, .front))
                try db.saveNegative(
                    NegativeEntry(barcode: Fixtures.barcode(3), checkedAt: UnixMillis(5), reason: .notFound))
            }
            let reader = try database.makeProductReader()
            defer { reader.close() }
            let prepared = reader.statementsPrepared
            #expect(prepared == 3)
            for round in 0..<2000 {
                let barcode = round % 2 == 0 ? Fixtures.cereal : Fixtures.barcode(round)
                _ = reader.lookup(barcode)
                _ = reader.image(barcode, variant: .front)
                _ = reader.negative(barcode)
            }
            #expect(reader.statementsPrepared == prepared)
            #expect(reader.image(Fixtures.cereal, variant: .front)?.sha256 == String(repeating: "ab", count: 32))
            #expect(reader.image(Fixtures.cereal, variant: .back) == nil)
            #expect(reader.negative(Fixtures.barcode(3))?.checkedAt == UnixMillis(5))
        }
    }

    @Test("A long-lived reader sees each new commit (it holds no snapshot between calls)")
    func seesNewCommits() async throws {
        try await Fixtures.withDatabase { database, _ in
            let reader = try database.makeProductReader()
            defer { reader.close() }
            #expect(reader.lookup(Fixtures.cereal) == nil)
            try await database.write { try $0.saveProduct(Fixtures.product(Fixtures.cereal, name: "First")) }
            #expect(reader.lookup(Fixtures.cereal)?.productMeta.contains("First") == true)
            try await database.write { try $0.saveProduct(Fixtures.product(Fixtures.cereal, name: "Second")) }
            #expect(reader.lookup(Fixtures.cereal)?.productMeta.contains("Second") == true)
            try await database.write { try $0.deleteProduct(Fixtures.cereal) }
            #expect(reader.lookup(Fixtures.cereal) == nil)
        }
    }
}
