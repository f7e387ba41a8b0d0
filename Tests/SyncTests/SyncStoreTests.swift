import Core
import Foundation
import Store
import TestSupport
import Testing

@Suite("Store operations of the sync")
struct SyncStoreTests {
    static let now = UnixMillis(1_783_009_800_000)

    static func withDatabase(_ body: (Database) async throws -> Void) async throws {
        try await withTemporaryDirectory("syncstore") { directory in
            let database = try await Database.open(directory: directory.path, logger: SyncTestLogs.silent)
            do {
                try await body(database)
                try await database.close()
            } catch {
                try? await database.close()
                throw error
            }
        }
    }

    @Test("Queuing twice keeps an item's state, takes the higher priority and the newer listing")
    func enqueueUpserts() async throws {
        try await Self.withDatabase { database in
            let a = Barcode("017000161563")!
            let b = Barcode("030772095355")!
            let run = try await database.write { try $0.createSyncRun(mode: .delta, at: Self.now) }
            let added = try await database.write { connection in
                try connection.enqueueSyncWork(
                    run.id,
                    [
                        SyncWorkItem(
                            barcode: a, priority: 1, variants: [.front], listedUpdatedAt: "2026-07-01T10:00:00Z"),
                        SyncWorkItem(barcode: b, priority: 5),
                    ], at: Self.now)
            }
            #expect(added == 2)
            try await database.write { connection in
                try connection.markQueueItemDone(run.id, barcode: b, at: Self.now)
                let again = try connection.enqueueSyncWork(
                    run.id,
                    [
                        SyncWorkItem(
                            barcode: a, priority: 9, variants: [.front, .back], listedUpdatedAt: "2026-07-01T12:00:00Z"),
                        SyncWorkItem(barcode: b, priority: 1),
                    ], at: Self.now)
                #expect(again == 0)
                // An older listing does not overwrite a newer one.
                try connection.enqueueSyncWork(
                    run.id,
                    [SyncWorkItem(barcode: a, priority: 0, variants: [], listedUpdatedAt: "2026-07-01T11:00:00Z")],
                    at: Self.now)
            }
            let pending = try await database.read { try $0.pendingSyncWork(run.id, limit: 10) }
            #expect(
                pending == [
                    SyncWorkItem(
                        barcode: a, priority: 9, variants: [.front, .back], listedUpdatedAt: "2026-07-01T12:00:00Z")
                ])
            #expect(try await database.read { try $0.queuedBarcodes(run.id) } == [a, b])
            #expect(try await database.read { try $0.syncQueueItem(run.id, barcode: b) }?.state == .done)
        }
    }

    @Test("A run's cursor (phase, keyset position, resume time) is saved and read back")
    func runCursor() async throws {
        try await Self.withDatabase { database in
            let run = try await database.write { try $0.createSyncRun(mode: .full, at: Self.now) }
            #expect(try await database.read { try $0.syncRunCursor(run.id) } == SyncRunCursor())
            let cursor = SyncRunCursor(
                phase: "listing", since: "2026-07-01T10:00:00Z", page: 3, resumeAt: UnixMillis(1_783_036_800_000))
            try await database.write { try $0.setSyncRunCursor(run.id, cursor) }
            #expect(try await database.read { try $0.syncRunCursor(run.id) } == cursor)
            #expect(try await database.read { try $0.syncRunCursor(run.id + 1) } == nil)
        }
    }

    @Test("Cached barcodes are listed in order")
    func cachedBarcodes() async throws {
        try await Self.withDatabase { database in
            let barcodes = ["080878194964", "017000161563"].map { Barcode($0)! }
            try await database.write { connection in
                for barcode in barcodes {
                    try connection.saveProduct(
                        ProductRecord(
                            barcode: barcode, productMeta: "{}", updatedAt: "2026-07-01T10:00:00Z", fetchedAt: Self.now,
                            source: .sync))
                }
            }
            #expect(try await database.read { try $0.cachedBarcodes() } == barcodes.sorted())
        }
    }
}
