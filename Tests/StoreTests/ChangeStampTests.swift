import Core
import TestSupport
import Testing

@testable import Store

/// A write retires what the hot path derived for the barcodes it changed, and nothing else.
@Suite("Change stamps of the lookup hot path")
struct ChangeStampTests {
    /// Two barcodes that do not share a counter, so one's stamp shows exactly its own writes.
    static let other: Barcode = {
        let own = AnswerGenerations.slot(of: Fixtures.cereal)
        return (1...).lazy.map(Fixtures.barcode).first { AnswerGenerations.slot(of: $0) != own }!
    }()

    /// `body`'s write moves the stamp of `moved` and leaves `kept`'s alone.
    static func expectWrite(
        _ database: Database, moves moved: Barcode, keeps kept: Barcode,
        _ body: @escaping @Sendable (WriteConnection) throws -> Void
    ) async throws {
        let reader = try database.makeProductReader()
        defer { reader.close() }
        let (movedBefore, keptBefore) = (reader.changeStamp(of: moved), reader.changeStamp(of: kept))
        try await database.write(body)
        #expect(reader.changeStamp(of: moved) != movedBefore)
        #expect(reader.changeStamp(of: kept) == keptBefore)
    }

    @Test("Every write that changes a barcode's answer moves that barcode's stamp only")
    func answerWrites() async throws {
        try await Fixtures.withDatabase { database, _ in
            let (cereal, other) = (Fixtures.cereal, Self.other)
            try await database.write { try $0.saveProduct(Fixtures.product(other)) }
            try await Self.expectWrite(database, moves: cereal, keeps: other) {
                try $0.saveProduct(Fixtures.product(cereal))
            }
            try await Self.expectWrite(database, moves: cereal, keeps: other) {
                try $0.saveImage(Fixtures.image(cereal, .front))
            }
            try await Self.expectWrite(database, moves: cereal, keeps: other) {
                try $0.deleteImage(cereal, variant: .front)
            }
            try await Self.expectWrite(database, moves: cereal, keeps: other) { try $0.markOutdated(cereal) }
            try await Self.expectWrite(database, moves: cereal, keeps: other) {
                try $0.setVariantsAvailable([.back], for: cereal)
            }
            try await Self.expectWrite(database, moves: cereal, keeps: other) {
                try $0.saveNegative(NegativeEntry(barcode: cereal, checkedAt: UnixMillis(5), reason: .notFound))
            }
            try await Self.expectWrite(database, moves: cereal, keeps: other) { try $0.deleteNegative(cereal) }
            try await Self.expectWrite(database, moves: other, keeps: cereal) { try $0.deleteProduct(other) }
        }
    }

    @Test("Scan counts, the shelf outbox, sync bookkeeping, tokens, spend and a listing's validation move no stamp")
    func otherWrites() async throws {
        try await Fixtures.withDatabase { database, _ in
            let cereal = Fixtures.cereal
            try await database.write { try $0.saveProduct(Fixtures.product(cereal)) }
            let reader = try database.makeProductReader()
            defer { reader.close() }
            let before = reader.changeStamp(of: cereal)
            let now = UnixMillis(1_780_000_100_000)
            try await database.write { try $0.addScanCounts([cereal: 3], at: now) }
            try await database.write { db in
                let change = ShelfNewChange(barcode: StoreBarcode(cereal), change: #"{"price":1.99}"#, fields: .price)
                try db.appendShelfChanges([change], source: .pos, at: now)
            }
            let validated = try await database.write { db in
                let run = try db.createSyncRun(mode: .delta, at: now)
                _ = try db.enqueue(run.id, [(barcode: Fixtures.barcode(9), priority: 0)], at: now)
                try db.setSyncState(.watermark, to: "2026-07-01T00:00:00Z", at: now)
                try db.saveTokens(accessToken: "a", expiresAt: now, refreshToken: nil, at: now)
                _ = try db.addSpend(Credits(1), at: now)
                return try db.validateUnlisted(since: UnixMillis(1), listedFrom: now, exceptQueuedBy: run.id)
            }
            #expect(validated == 1)
            #expect(reader.changeStamp(of: cereal) == before)
        }
    }

    @Test("A write that rolls back moves no stamp")
    func rollback() async throws {
        try await Fixtures.withDatabase { database, _ in
            let reader = try database.makeProductReader()
            defer { reader.close() }
            let before = reader.changeStamp(of: Fixtures.cereal)
            struct Abandoned: Error {}
            await #expect(throws: Abandoned.self) {
                try await database.write { db in
                    try db.saveProduct(Fixtures.product(Fixtures.cereal))
                    throw Abandoned()
                }
            }
            #expect(reader.changeStamp(of: Fixtures.cereal) == before)
        }
    }

    @Test("A write that changes more barcodes than it lists moves every stamp")
    func bulkWrite() async throws {
        try await Fixtures.withDatabase { database, _ in
            let reader = try database.makeProductReader()
            defer { reader.close() }
            let before = reader.changeStamp(of: Fixtures.cereal)
            try await database.write { db in
                for number in 1...1100 { try db.markOutdated(Fixtures.barcode(number)) }
            }
            #expect(reader.changeStamp(of: Fixtures.cereal).epoch == before.epoch + 1)
            let purgeBefore = reader.changeStamp(of: Fixtures.cereal)
            try await database.write { db in
                try db.saveNegative(
                    NegativeEntry(barcode: Fixtures.barcode(7), checkedAt: UnixMillis(5), reason: .notFound))
            }
            try await database.write { try $0.purgeNegatives(olderThan: .seconds(1), at: UnixMillis(1_000_000)) }
            #expect(reader.changeStamp(of: Fixtures.cereal).epoch == purgeBefore.epoch + 1)
        }
    }
}
