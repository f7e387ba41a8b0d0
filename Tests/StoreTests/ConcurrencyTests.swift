import Core
import Dispatch
import TestSupport
import Testing

@testable import Store

@Suite("Transactions and concurrent access")
struct ConcurrencyTests {
    @Test("Readers always see whole transactions while a writer commits many")
    func snapshotsDuringWrites() async throws {
        try await Fixtures.withDatabase { database, _ in
            let a = Fixtures.barcode(1)
            let b = Fixtures.barcode(2)
            try await withThrowingTaskGroup(of: Int.self) { group in
                group.addTask {
                    for step in 1...200 {
                        try await database.write { try $0.addScanCounts([a: 1, b: 1], at: UnixMillis(Int64(step))) }
                    }
                    return 0
                }
                for _ in 0..<4 {
                    group.addTask {
                        var torn = 0
                        for _ in 0..<150 {
                            let counts = try await database.read { try $0.scanCounts(for: [a, b]) }
                            if counts[a] != counts[b] { torn += 1 }
                        }
                        return torn
                    }
                }
                var torn = 0
                for try await result in group { torn += result }
                #expect(torn == 0)
            }
            #expect(try await database.read { try $0.scanCounts(for: [a]) } == [a: 200])
        }
    }

    @Test("A read completes while a write transaction is open and does not see its uncommitted rows")
    func readsDoNotWaitForWriter() async throws {
        try await Fixtures.withDatabase { database, _ in
            let inside = DispatchSemaphore(value: 0)
            let release = DispatchSemaphore(value: 0)
            async let writing: Bool = database.write { db in
                try db.saveProduct(Fixtures.product(Fixtures.cereal))
                inside.signal()
                return release.wait(timeout: .now() + 20) == .success
            }
            while inside.wait(timeout: .now()) == .timedOut { try await Task.sleep(for: .milliseconds(2)) }
            let during = try await database.read { try $0.product(Fixtures.cereal) }
            release.signal()
            #expect(try await writing)
            #expect(during == nil)
            #expect(try await database.read { try $0.product(Fixtures.cereal) } != nil)
        }
    }

    @Test("A write that throws rolls back everything it did")
    func rollbackOnThrow() async throws {
        /// The failure the write closure throws.
        struct Abort: Error {}
        try await Fixtures.withDatabase { database, _ in
            await #expect(throws: Abort.self) {
                try await database.write { db in
                    try db.saveProduct(Fixtures.product(Fixtures.cereal))
                    try db.setSyncState(.watermark, to: "x", at: UnixMillis(0))
                    throw Abort()
                }
            }
            let (product, watermark) = try await database.read { db in
                (try db.product(Fixtures.cereal), try db.syncState(.watermark))
            }
            #expect(product == nil && watermark == nil)
            try await database.write { try $0.saveProduct(Fixtures.product(Fixtures.cereal)) }
            #expect(try await database.read { try $0.product(Fixtures.cereal) } != nil)
        }
    }

    @Test("Statements are cached per connection: repeated operations prepare nothing new")
    func statementCache() async throws {
        try await Fixtures.withDatabase { database, _ in
            try await database.write { try $0.saveProduct(Fixtures.product(Fixtures.cereal)) }
            let before = try await database.write { db in
                _ = try db.product(Fixtures.cereal)
                return db.sqlite.prepareCount
            }
            let after = try await database.write { db in
                for number in 1...50 {
                    try db.saveProduct(Fixtures.product(Fixtures.barcode(number)))
                    _ = try db.product(Fixtures.barcode(number))
                }
                return db.sqlite.prepareCount
            }
            #expect(after == before)
        }
    }

    @Test("After close, reads and writes fail with a clear error instead of hanging")
    func closed() async throws {
        try await withTemporaryDirectory { directory in
            let database = try await Fixtures.open(directory)
            try await database.close()
            try await database.close()
            await #expect(throws: StoreError.self) { try await database.read { try $0.cacheStats() } }
            await #expect(throws: StoreError.self) { try await database.write { try $0.clearTokens() } }
        }
    }
}
