import Core
import TestSupport
import Testing

@testable import Store

@Suite("Products and negative entries")
struct ProductOperationsTests {
    @Test("A saved product reads back exactly, JSON text byte for byte")
    func saveAndGet() async throws {
        try await Fixtures.withDatabase { database, _ in
            let record = Fixtures.product(Fixtures.cereal)
            try await database.write { try $0.saveProduct(record) }
            let read = try await database.read { try $0.product(Fixtures.cereal) }
            #expect(read == record)
            #expect(read?.productMeta.utf8.elementsEqual(record.productMeta.utf8) == true)
            #expect(read?.variantsAvailable == [.front, .frontClean])
            #expect(try await database.read { try $0.product(Fixtures.barcode(1)) } == nil)
        }
    }

    @Test("JSON that does not parse is refused and nothing is saved")
    func invalidJSONRefused() async throws {
        try await Fixtures.withDatabase { database, _ in
            var broken = Fixtures.product(Fixtures.cereal)
            broken.productMeta = #"{"brand": "Acme""#
            await #expect {
                try await database.write { [broken] in try $0.saveProduct(broken) }
            } throws: { error in
                guard case StoreError.invalidJSON("product_meta", "017000161563", _) = error else { return false }
                return true
            }
            var badImageMeta = Fixtures.product(Fixtures.cereal)
            badImageMeta.imageMeta = "{front}"
            await #expect(throws: StoreError.self) {
                try await database.write { [badImageMeta] in try $0.saveProduct(badImageMeta) }
            }
            let saved = try await database.read { try $0.product(Fixtures.cereal) }
            #expect(saved == nil)
        }
    }

    @Test("Saving again replaces the record and keeps its image rows; a nil image_meta stays nil")
    func replaceKeepsImages() async throws {
        try await Fixtures.withDatabase { database, _ in
            try await database.write { db in
                try db.saveProduct(Fixtures.product(Fixtures.cereal))
                try db.saveImage(Fixtures.image(Fixtures.cereal, .front))
            }
            var newer = Fixtures.product(Fixtures.cereal, name: "Oat Rings 2", updatedAt: "2026-07-01T00:00:00Z")
            newer.imageMeta = nil
            newer.variantsAvailable = nil
            newer.source = .live
            try await database.write { [newer] in try $0.saveProduct(newer) }
            let (read, images) = try await database.read { db in
                (try db.product(Fixtures.cereal), try db.images(for: Fixtures.cereal))
            }
            #expect(read == newer)
            #expect(images.count == 1)
        }
    }

    @Test("Deleting a product removes its image rows and returns them for the files to go too")
    func deleteCascades() async throws {
        try await Fixtures.withDatabase { database, _ in
            try await database.write { db in
                try db.saveProduct(Fixtures.product(Fixtures.cereal))
                try db.saveImage(Fixtures.image(Fixtures.cereal, .front))
                try db.saveImage(Fixtures.image(Fixtures.cereal, .backClean))
            }
            let removed = try await database.write { try $0.deleteProduct(Fixtures.cereal) }
            #expect(removed.map(\.variant) == [.front, .backClean])
            let stats = try await database.read { try $0.cacheStats() }
            #expect(stats == CacheStats(products: 0, negatives: 0, images: 0, imageBytes: 0))
        }
    }

    @Test("Staleness follows the last validation and the TTL given; a listing validates only what it proved")
    func touchAndStale() async throws {
        try await Fixtures.withDatabase { database, _ in
            let fetched = UnixMillis(1_780_000_000_000)
            let old = Fixtures.product(Fixtures.barcode(1), fetchedAt: fetched)
            let young = Fixtures.product(Fixtures.barcode(2), fetchedAt: fetched.adding(.seconds(3600)))
            try await database.write { db in
                try db.saveProduct(old)
                try db.saveProduct(young)
            }
            let now = fetched.adding(.seconds(3600 * (24)))
            #expect(old.isStale(at: now, ttl: .seconds(3600 * (24))))
            #expect(!young.isStale(at: now, ttl: .seconds(3600 * (24))))
            #expect(!old.isStale(at: now, ttl: .seconds(3600 * (25))))
            let stale = try await database.read { try $0.staleProducts(at: now, ttl: .seconds(3600 * (24)), limit: 10) }
            #expect(stale == [old.barcode])
            let staleShortTTL = try await database.read {
                try $0.staleProducts(at: now, ttl: .seconds(3600 * (1)), limit: 10)
            }
            #expect(staleShortTTL == [old.barcode, young.barcode])

            // A complete listing validates the unlisted records valid since its floor, as of its start;
            // never the ones it queued, ones marked outdated, or ones older than the floor.
            let run = try await database.write { try $0.createSyncRun(mode: .delta, requestedBarcodes: [], at: now) }
            let outdated = Fixtures.product(Fixtures.barcode(3), fetchedAt: fetched)
            let older = Fixtures.product(Fixtures.barcode(4), fetchedAt: fetched.adding(.seconds(-1)))
            let marked = try await database.write { db -> [Bool] in
                try db.saveProduct(outdated)
                try db.saveProduct(older)
                try db.enqueueSyncWork(run.id, [SyncWorkItem(barcode: young.barcode, priority: 0)], at: now)
                return [try db.markOutdated(outdated.barcode), try db.markOutdated(Fixtures.barcode(5))]
            }
            #expect(marked == [true, false])
            let validated = try await database.write {
                try $0.validateUnlisted(since: fetched, listedFrom: now, exceptQueuedBy: run.id)
            }
            #expect(validated == 1)
            let after = try await database.read { db in
                try [old, young, outdated, older].map { try db.product($0.barcode)?.validatedAt }
            }
            #expect(after == [now, young.fetchedAt, UnixMillis(0), older.fetchedAt])
            let outdatedList = try await database.read { try $0.outdatedBarcodes() }
            #expect(outdatedList == [outdated.barcode])
            let record = try await database.read { try $0.product(old.barcode) }
            #expect(record?.fetchedAt == fetched)
            #expect(record?.isStale(at: now.adding(.seconds(3600 * 23)), ttl: .seconds(3600 * 24)) == false)
        }
    }

    @Test("Variants from a listing update an existing record only; cached updated_at is read in bulk")
    func variantsAndUpdatedAt() async throws {
        try await Fixtures.withDatabase { database, _ in
            try await database.write { try $0.saveProduct(Fixtures.product(Fixtures.cereal)) }
            let (updated, absent) = try await database.write { db in
                (
                    try db.setVariantsAvailable([.back, .front], for: Fixtures.cereal),
                    try db.setVariantsAvailable([.front], for: Fixtures.barcode(9))
                )
            }
            #expect(updated && !absent)
            #expect(try await database.read { try $0.product(Fixtures.cereal)?.variantsAvailable } == [.front, .back])
            let known = try await database.read { try $0.cachedUpdatedAt(for: [Fixtures.cereal, Fixtures.barcode(9)]) }
            #expect(known == [Fixtures.cereal: "2026-06-04T15:49:50Z"])
        }
    }

    @Test("Negative entries keep their reason and age, are purged by TTL, and a saved product clears one")
    func negatives() async throws {
        try await Fixtures.withDatabase { database, _ in
            let checked = UnixMillis(1_780_000_000_000)
            try await database.write { db in
                try db.saveNegative(NegativeEntry(barcode: Fixtures.barcode(1), checkedAt: checked, reason: .notFound))
                try db.saveNegative(
                    NegativeEntry(
                        barcode: Fixtures.barcode(2), checkedAt: checked.adding(.seconds(3600 * (48))),
                        reason: .bulkCheck))
                try db.saveNegative(NegativeEntry(barcode: Fixtures.cereal, checkedAt: checked, reason: .bulkCheck))
            }
            let entry = try #require(try await database.read { try $0.negative(Fixtures.barcode(1)) })
            #expect(entry.reason == .notFound)
            #expect(entry.age(at: checked.adding(.seconds(3600 * (2)))) == .seconds(3600 * (2)))
            #expect(entry.isExpired(at: checked.adding(.seconds(3600 * 24 * 7)), ttl: .seconds(3600 * 24 * 7)))

            try await database.write { try $0.saveProduct(Fixtures.product(Fixtures.cereal)) }
            #expect(try await database.read { try $0.negative(Fixtures.cereal) } == nil)

            let purged = try await database.write {
                try $0.purgeNegatives(olderThan: .seconds(3600 * (24)), at: checked.adding(.seconds(3600 * (50))))
            }
            #expect(purged == 1)
            #expect(try await database.read { try $0.negative(Fixtures.barcode(1)) } == nil)
            #expect(try await database.read { try $0.negative(Fixtures.barcode(2)) }?.reason == .bulkCheck)
            #expect(try await database.write { try $0.deleteNegative(Fixtures.barcode(2)) })
            #expect(try await database.read { try $0.cacheStats().negatives } == 0)
        }
    }
}
