import Core
import Foundation
import Logging
import TestSupport

@testable import Store

/// Sample values shared by the Store tests.
enum Fixtures {
    /// A valid UPC-A barcode made from `number` (distinct numbers give distinct barcodes).
    static func barcode(_ number: Int) -> Barcode {
        let body = "1" + String(repeating: "0", count: max(0, 10 - String(number).count)) + String(number)
        let digits = body.utf8.map { $0 - UInt8(ascii: "0") }
        return Barcode(trustedCanonical: body + String(Barcode.checkDigit(of: digits)))
    }

    static let cereal = Barcode("017000161563")!

    /// A product record with `productMeta` holding `name`.
    static func product(
        _ barcode: Barcode, name: String = "Oat Rings", updatedAt: String = "2026-06-04T15:49:50Z",
        fetchedAt: UnixMillis = UnixMillis(1_780_000_000_000), source: ProductSource = .sync
    ) -> ProductRecord {
        ProductRecord(
            barcode: barcode,
            productMeta: #"{"brand":"Acme","product_name":"\#(name)","nutrition":null,"x_new_field":[1,2.50]}"#,
            imageMeta: #"{"front":{"resolution":"1000x1000"}}"#, updatedAt: updatedAt, fetchedAt: fetchedAt,
            variantsAvailable: [.frontClean, .front], source: source)
    }

    /// An index row for `barcode`'s `variant` with made-up hash and size.
    static func image(_ barcode: Barcode, _ variant: ImageVariant, bytes: Int64 = 1234) -> ImageRecord {
        ImageRecord(
            barcode: barcode, variant: variant,
            relativePath: try! ImageStore.relativePath(barcode: barcode, variant: variant),
            sha256: String(repeating: "ab", count: 32), bytes: bytes, contentType: variant.contentType,
            productUpdatedAt: "2026-06-04T15:49:50Z", storedAt: UnixMillis(1_780_000_000_500))
    }

    /// Opens a database in `directory` with a recording logger.
    static func open(
        _ directory: TemporaryDirectory, recorder: LogRecorder = LogRecorder(), readers: Int = 2
    ) async throws -> Database {
        try await Database.open(directory: directory.path, logger: recorder.logger(), readers: readers)
    }

    /// Runs `body` with an open database in a fresh directory, closing and removing both afterwards.
    static func withDatabase<T>(_ body: (Database, TemporaryDirectory) async throws -> T) async throws -> T {
        try await withTemporaryDirectory { directory in
            let database = try await open(directory)
            do {
                let result = try await body(database, directory)
                try await database.close()
                return result
            } catch {
                try? await database.close()
                throw error
            }
        }
    }

    /// The permission bits of `path`.
    static func mode(_ path: String) -> Int? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return (attributes[.posixPermissions] as? NSNumber)?.intValue
    }
}
