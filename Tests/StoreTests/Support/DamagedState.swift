import Core
import Foundation

@testable import Store

/// A state directory holding everything a damaged database must not lose (shelf outbox, the day's
/// spend, tokens, the watermark, products and image files), and the page surgery that damages it.
enum DamagedState {
    static let day = UnixMillis(1_780_000_000_000)
    static let watermark = "2026-06-04T15:49:50Z"
    static let products = 40
    /// Products with a front image on disk (1…6 and 30, whose page is damaged).
    static let imaged = [1, 2, 3, 4, 5, 6, 30]

    /// A product whose stored meta carries `mark-<number>` and is long enough for ~3 rows a page.
    static func product(_ number: Int) -> ProductRecord {
        Fixtures.product(
            Fixtures.barcode(number),
            name: "mark-\(String(format: "%04d", number)) " + String(repeating: "x", count: 1200))
    }

    /// JPEG-looking bytes, distinct per product.
    static func jpeg(_ number: Int) -> [UInt8] {
        [0xFF, 0xD8, 0xFF, 0xE0] + (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* (number + 7)) }
    }

    /// Fills `directory` and closes the database cleanly.
    static func fill(_ directory: String) async throws {
        let database = try await Database.open(directory: directory, logger: LogRecorder().logger())
        let changes = (1...3).map {
            ShelfNewChange(
                barcode: StoreBarcode("\(Fixtures.barcode($0).digits)")!, change: #"{"price":"\#($0).99"}"#,
                fields: .price)
        }
        var stored: [Int: StoredImage] = [:]
        for number in imaged {
            stored[number] = try database.imageStore.store(
                jpeg(number), barcode: Fixtures.barcode(number), variant: .front)
        }
        try await database.write { [stored] db in
            for number in 1...products { try db.saveProduct(product(number)) }
            for (number, image) in stored {
                try db.saveImage(
                    ImageRecord(
                        stored: image, barcode: Fixtures.barcode(number), variant: .front,
                        productUpdatedAt: "2026-06-04T15:49:50Z", storedAt: day))
            }
            try db.appendShelfChanges(changes, source: .pos, at: day)
            _ = try db.addSpend(Credits(thousandths: 750_000), at: day)
            try db.saveTokens(accessToken: "access-1", expiresAt: day, refreshToken: "refresh-1", at: day)
            try db.setSyncState(.watermark, to: watermark, at: day)
        }
        try await database.close()
    }

    /// Overwrites (with 0xA5) the first table-leaf page that contains `marker`; returns its number.
    @discardableResult
    static func damagePage(containing marker: String, in directory: String) throws -> Int {
        let file = directory + "/storesync.sqlite"
        var data = try Data(contentsOf: URL(fileURLWithPath: file))
        let size = 4096
        let needle = Data(marker.utf8)
        for page in 1..<(data.count / size) {
            let range = (page * size)..<((page + 1) * size)
            guard data[range.lowerBound] == 0x0D, data[range].range(of: needle) != nil else { continue }
            data.replaceSubrange(range, with: Data(repeating: 0xA5, count: size))
            try data.write(to: URL(fileURLWithPath: file))
            return page + 1
        }
        throw CocoaError(.fileReadCorruptFile)
    }
}
