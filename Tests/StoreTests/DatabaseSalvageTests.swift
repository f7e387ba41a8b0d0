import Core
import Foundation
import TestSupport
import Testing

@testable import Store

@Suite("A damaged database keeps what matters: salvage, image re-index, start checks")
struct DatabaseSalvageTests {
    @Test("A damaged file keeps the outbox, the day's spend, tokens, watermark, readable products and images")
    func salvagesWhatMatters() async throws {
        try await withTemporaryDirectory { directory in
            try await DamagedState.fill(directory.path)
            try DamagedState.damagePage(containing: "mark-0030", in: directory.path)
            try DamagedState.damagePage(containing: "front.jpg", in: directory.path)

            let recorder = LogRecorder()
            let database = try await Fixtures.open(directory, recorder: recorder)
            let report = try #require(database.salvage)
            let (outbox, spend, tokens, watermark, products, images) = try await database.read { db in
                (
                    try db.pendingShelfChanges(limit: 10), try db.spend(onDayOf: DamagedState.day), try db.tokens(),
                    try db.syncState(.watermark), try db.cacheStats().products, try db.allImages()
                )
            }
            try await database.close()

            #expect(outbox.map(\.seq) == [1, 2, 3])
            #expect(outbox.first?.change == #"{"price":"1.99"}"#)
            #expect(spend == Credits(thousandths: 750_000))
            #expect(tokens?.accessToken == "access-1" && tokens?.refreshToken == "refresh-1")
            #expect(watermark == DamagedState.watermark)
            #expect(products > 30 && products < DamagedState.products)
            #expect(report.table("products")?.lost == DamagedState.products - products)
            #expect(report.table("shelf_outbox") == TableSalvage(table: "shelf_outbox", recovered: 3))
            #expect(report.table("images")?.recovered == 0)

            // Every image of a salvaged product is indexed again from its file, by sha256.
            #expect(images.map(\.barcode) == (1...6).map { Fixtures.barcode($0) })
            for image in images {
                let number = Int(image.barcode.digits.dropLast().dropFirst())!
                #expect(image.sha256 == ImageDigest.sha256(DamagedState.jpeg(number)))
                #expect(image.contentType == "image/jpeg")
                #expect(image.productUpdatedAt == "2026-06-04T15:49:50Z")
            }
            #expect(report.imagesReindexed == 6 && report.imagesKept == 1)
            let check = try StateDirectoryCheck.run(directory: directory.path)
            #expect(check.isSound && check.indexedImages == 6)
            // The image of the lost product stays on disk for a later fetch.
            #expect(
                POSIXFiles.exists(try database.imageStore.absolutePath(barcode: Fixtures.barcode(30), variant: .front)))

            let log = recorder.text
            #expect(log.contains("salvage recovered shelf_outbox: 3 recovered, 0 lost"))
            #expect(log.contains("salvage recovered daily_spend: 1 recovered"))
            #expect(log.contains("salvage lost rows: products"))
            #expect(log.contains("6 indexed again by sha256"))
        }
    }

    @Test("New shelf changes after a salvage never reuse a sequence number already delivered")
    func outboxSequenceMovesOn() async throws {
        try await withTemporaryDirectory { directory in
            try await DamagedState.fill(directory.path)
            try DamagedState.damagePage(containing: "front.jpg", in: directory.path)
            let database = try await Fixtures.open(directory)
            let next = try await database.write { db in
                try db.appendShelfChanges(
                    [ShelfNewChange(barcode: StoreBarcode("017000161563")!, change: "{}", fields: .price)],
                    source: .pos, at: DamagedState.day)
            }
            try await database.close()
            #expect(next == 4)
        }
    }

    @Test("A clean stop asks for the quick check, an unclean one (the running marker left) for the full one")
    func checkSelection() async throws {
        #expect(IntegrityCheck.atStart(uncleanStop: false) == .quick)
        #expect(IntegrityCheck.atStart(uncleanStop: true) == .full)
        #expect(IntegrityCheck.quick.pragma.hasPrefix("PRAGMA quick_check"))
        #expect(IntegrityCheck.full.pragma.hasPrefix("PRAGMA integrity_check"))
        try await withTemporaryDirectory { directory in
            let marker = directory.appending(RunningMarker.fileName)
            let first = LogRecorder()
            let database = try await Fixtures.open(directory, recorder: first)
            #expect(POSIXFiles.exists(marker))
            try await database.close()
            #expect(!POSIXFiles.exists(marker))

            let clean = LogRecorder()
            try await Fixtures.open(directory, recorder: clean).close()
            #expect(clean.all.contains { $0.message == "database open" && $0.metadata.contains("check=quick") })

            // A kill leaves the marker behind.
            _ = FileManager.default.createFile(atPath: marker, contents: Data("1\n".utf8))
            let unclean = LogRecorder()
            try await Fixtures.open(directory, recorder: unclean).close()
            #expect(unclean.all.contains { $0.message == "database open" && $0.metadata.contains("check=full") })
        }
    }
}
