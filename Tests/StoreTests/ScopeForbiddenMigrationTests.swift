import Core
import Foundation
import TestSupport
import Testing

@testable import Store

@Suite("Negative entries for out-of-scope barcodes")
struct ScopeForbiddenMigrationTests {
    @Test("Version 8 rebuilds the negatives table keeping every row, then accepts scope_forbidden entries")
    func rebuildKeepsRows() async throws {
        try await withTemporaryDirectory { directory in
            let before = Array(Migration.all.prefix { $0.version < Migration.scopeForbidden.version })
            let old = try await MigrationTests.open(directory, before)
            let unknown = Barcode("017000161563")!
            let checked = Barcode("036000291452")!
            try await old.write { connection in
                try connection.saveNegative(
                    NegativeEntry(barcode: unknown, checkedAt: UnixMillis(1_000), reason: .notFound))
                try connection.saveNegative(
                    NegativeEntry(barcode: checked, checkedAt: UnixMillis(2_000), reason: .bulkCheck))
            }
            await #expect(throws: (any Error).self) {
                try await old.write { connection in
                    try connection.saveNegative(
                        NegativeEntry(
                            barcode: Barcode("012345678905")!, checkedAt: UnixMillis(3_000), reason: .scopeForbidden))
                }
            }
            try await old.close()

            let upgraded = try await MigrationTests.open(directory, Migration.all)
            #expect(try await MigrationTests.userVersion(upgraded) == Migration.scopeForbidden.version)
            let outside = Barcode("012345678905")!
            try await upgraded.write { connection in
                try connection.saveNegative(
                    NegativeEntry(barcode: outside, checkedAt: UnixMillis(3_000), reason: .scopeForbidden))
            }
            let rows = try await upgraded.read { connection in
                [try connection.negative(unknown), try connection.negative(checked), try connection.negative(outside)]
            }
            #expect(rows[0] == NegativeEntry(barcode: unknown, checkedAt: UnixMillis(1_000), reason: .notFound))
            #expect(rows[1] == NegativeEntry(barcode: checked, checkedAt: UnixMillis(2_000), reason: .bulkCheck))
            #expect(rows[2]?.reason == .scopeForbidden)
            // An operator's resync forgets only the out-of-scope entries.
            let forgotten = try await upgraded.write { try $0.deleteNegatives(reason: .scopeForbidden) }
            #expect(forgotten == 1)
            #expect(try await upgraded.read { try $0.negative(outside) } == nil)
            #expect(try await upgraded.read { try $0.negative(unknown) } != nil)
            try await upgraded.close()
        }
    }
}
