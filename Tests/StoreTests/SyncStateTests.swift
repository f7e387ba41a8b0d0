import Core
import TestSupport
import Testing

@testable import Store

@Suite("Sync state, runs and the work queue")
struct SyncStateTests {
    static let now = UnixMillis(1_780_000_000_000)

    @Test("Sync state keys store, replace and remove values")
    func keyValues() async throws {
        try await Fixtures.withDatabase { database, _ in
            try await database.write { db in
                try db.setSyncState(.watermark, to: "2026-07-01T03:00:00Z", at: Self.now)
                try db.setSyncState(.watermark, to: "2026-07-02T03:00:00Z", at: Self.now)
                try db.setSyncState(.lastSuccessAt, to: "2026-07-02T03:20:00Z", at: Self.now)
                try db.setSyncState(.lastSuccessAt, to: nil, at: Self.now)
            }
            #expect(try await database.read { try $0.syncState(.watermark) } == "2026-07-02T03:00:00Z")
            #expect(try await database.read { try $0.syncState(.lastSuccessAt) } == nil)
            #expect(try await database.read { try $0.syncState(.lastFullAt) } == nil)
        }
    }

    @Test("A run goes queued → running → succeeded with its times, credits and watermark candidate")
    func runLifecycle() async throws {
        try await Fixtures.withDatabase { database, _ in
            let requested = [Fixtures.cereal, Fixtures.barcode(1)]
            let created = try await database.write {
                try $0.createSyncRun(mode: .barcodes, requestedBarcodes: requested, at: Self.now)
            }
            #expect(created.state == .queued && created.requestedBarcodes == requested)
            let second = try await database.write { try $0.createSyncRun(mode: .delta, at: Self.now) }
            #expect(second.id > created.id)

            let running = try await database.write { db in
                try db.setSyncRunWatermarkCandidate(created.id, "2026-07-02T02:55:00Z")
                try db.addSyncRunCredits(created.id, Credits(parsing: "1.3")!)
                try db.addSyncRunCredits(created.id, Credits(parsing: "1.3")!)
                return try db.setSyncRunState(created.id, to: .running, at: Self.now.adding(.seconds(1)))
            }
            #expect(running?.startedAt == Self.now.adding(.seconds(1)))
            #expect(running?.creditsSpent.description == "2.6")
            #expect(running?.watermarkCandidate == "2026-07-02T02:55:00Z")
            let paused = try await database.write {
                try $0.setSyncRunState(
                    created.id, to: .paused, reason: "daily credit cap", at: Self.now.adding(.seconds(2)))
            }
            #expect(paused?.reason == "daily credit cap" && paused?.finishedAt == nil)
            let resumed = try await database.write {
                try $0.setSyncRunState(created.id, to: .running, at: Self.now.adding(.seconds(3)))
            }
            #expect(resumed?.startedAt == Self.now.adding(.seconds(1)))
            #expect(resumed?.reason == nil)
            let done = try await database.write {
                try $0.setSyncRunState(created.id, to: .succeeded, at: Self.now.adding(.seconds(9)))
            }
            #expect(done?.finishedAt == Self.now.adding(.seconds(9)))
            #expect(try await database.read { try $0.syncRun(created.id) } == done)
            #expect(try await database.read { try $0.lastFinishedSyncRun() } == done)
            #expect(try await database.read { try $0.recentSyncRuns(limit: 5) }.map(\.id) == [second.id, created.id])
        }
    }

    @Test("After a crash the newest unfinished run is found to resume; finished runs are not")
    func unfinishedRun() async throws {
        try await withTemporaryDirectory { directory in
            let first = try await Fixtures.open(directory)
            let (running, paused) = try await first.write { db in
                let finished = try db.createSyncRun(mode: .full, at: Self.now)
                try db.setSyncRunState(finished.id, to: .failed, reason: "upstream 503", at: Self.now)
                let running = try db.createSyncRun(mode: .delta, at: Self.now)
                try db.setSyncRunState(running.id, to: .running, at: Self.now)
                let paused = try db.createSyncRun(mode: .delta, at: Self.now)
                try db.setSyncRunState(paused.id, to: .paused, at: Self.now)
                return (running.id, paused.id)
            }
            try await first.close()
            let second = try await Fixtures.open(directory)
            #expect(try await second.read { try $0.unfinishedSyncRun() }?.id == paused)
            try await second.write { try $0.setSyncRunState(paused, to: .succeeded, at: Self.now) }
            #expect(try await second.read { try $0.unfinishedSyncRun() }?.id == running)
            try await second.write { try $0.setSyncRunState(running, to: .failed, at: Self.now) }
            #expect(try await second.read { try $0.unfinishedSyncRun() } == nil)
            try await second.close()
        }
    }

    @Test("Enqueue is idempotent, batches come by priority, and done items are never handed out again")
    func queue() async throws {
        try await Fixtures.withDatabase { database, _ in
            let run = try await database.write { try $0.createSyncRun(mode: .delta, at: Self.now) }
            let items = (1...6).map { (barcode: Fixtures.barcode($0), priority: $0 % 3) }
            let added = try await database.write { try $0.enqueue(run.id, items, at: Self.now) }
            let again = try await database.write {
                try $0.enqueue(run.id, [(barcode: Fixtures.barcode(1), priority: 9)], at: Self.now)
            }
            #expect(added == 6 && again == 0)
            let batch = try await database.read { try $0.nextPendingBatch(run.id, limit: 3) }
            #expect(batch.map(\.barcode) == [Fixtures.barcode(1), Fixtures.barcode(2), Fixtures.barcode(5)])
            #expect(batch.first?.priority == 9)

            try await database.write { db in
                try db.markQueueItemDone(run.id, barcode: Fixtures.barcode(1), at: Self.now)
                try db.markQueueItemFailed(
                    run.id, barcode: Fixtures.barcode(2), error: "HTTP 503", permanent: false, at: Self.now)
                try db.markQueueItemFailed(
                    run.id, barcode: Fixtures.barcode(5), error: "not_found", permanent: true, at: Self.now)
                try db.enqueue(run.id, [(barcode: Fixtures.barcode(1), priority: 0)], at: Self.now)
            }
            let counts = try await database.read { try $0.syncQueueCounts(run.id) }
            #expect(counts == SyncQueueCounts(pending: 3, done: 1, failed: 1, failedPermanent: 1))
            #expect(!counts.allowsWatermark)
            let next = try await database.read { try $0.nextPendingBatch(run.id, limit: 10) }
            #expect(!next.contains { $0.barcode == Fixtures.barcode(1) })
            let failed = try await database.read { try $0.syncQueueItem(run.id, barcode: Fixtures.barcode(2)) }
            #expect(failed?.state == .failed && failed?.attempts == 1 && failed?.lastError == "HTTP 503")

            #expect(try await database.write { try $0.requeueFailedItems(run.id, maxAttempts: 1, at: Self.now) } == 0)
            #expect(try await database.write { try $0.requeueFailedItems(run.id, maxAttempts: 3, at: Self.now) } == 1)
            try await database.write { db in
                for item in try db.nextPendingBatch(run.id, limit: 10) {
                    try db.markQueueItemDone(run.id, barcode: item.barcode, at: Self.now)
                }
            }
            let final = try await database.write { try $0.refreshSyncRunProgress(run.id) }
            #expect(final?.total == 6 && final?.done == 5 && final?.failedItems == 1)
            #expect(try await database.read { try $0.syncQueueCounts(run.id) }.allowsWatermark)
        }
    }

    @Test("Purging old finished runs removes their queues and never reuses an id")
    func purgeRuns() async throws {
        try await Fixtures.withDatabase { database, _ in
            let old = try await database.write { db in
                let run = try db.createSyncRun(mode: .full, at: Self.now)
                try db.enqueue(run.id, [(barcode: Fixtures.cereal, priority: 0)], at: Self.now)
                try db.setSyncRunState(run.id, to: .succeeded, at: Self.now)
                return run
            }
            #expect(
                try await database.write { try $0.purgeFinishedSyncRuns(before: Self.now.adding(.seconds(1))) } == 1)
            #expect(try await database.read { try $0.syncQueueCounts(old.id) }.total == 0)
            let fresh = try await database.write { try $0.createSyncRun(mode: .delta, at: Self.now) }
            #expect(fresh.id > old.id)
        }
    }
}
