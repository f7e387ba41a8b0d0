import Core
import Foundation
import TestSupport
import Testing

@testable import Store

@Suite("Versioned migrations")
struct MigrationTests {
    static func open(_ directory: TemporaryDirectory, _ migrations: [Migration]) async throws -> Database {
        try await Database.open(
            directory: directory.path, logger: LogRecorder().logger(), readers: 1, migrations: migrations)
    }

    static func userVersion(_ database: Database) async throws -> Int {
        try await database.read { try Migrator.userVersion($0.sqlite) }
    }

    @Test("A fresh database is migrated to the newest version with every table")
    func fresh() async throws {
        try await Fixtures.withDatabase { database, _ in
            #expect(try await Self.userVersion(database) == Migration.all.last!.version)
            let tables = try await database.read { db in
                let statement = try db.sqlite.cached(
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                defer { statement.reset() }
                var names: [String] = []
                while try statement.step() { names.append(statement.text(0)) }
                return names
            }
            for table in [
                "daily_spend", "images", "negatives", "products", "scan_counts", "sync_queue", "sync_runs",
                "sync_state", "tokens",
            ] {
                #expect(tables.contains(table), "missing table \(table)")
            }
        }
    }

    @Test("An existing database keeps its rows, gets only the new migration, and only once")
    func existing() async throws {
        let newest = Migration.all.last!.version
        let extra = Migration(
            version: newest + 1, name: "test extra table",
            sql: "CREATE TABLE extra (x INTEGER); INSERT INTO extra VALUES (42);")
        try await withTemporaryDirectory { directory in
            let first = try await Self.open(directory, Migration.all)
            try await first.write { try $0.saveProduct(Fixtures.product(Fixtures.cereal)) }
            #expect(try await Self.userVersion(first) == newest)
            try await first.close()

            for _ in 0..<2 {
                let next = try await Self.open(directory, Migration.all + [extra])
                #expect(try await Self.userVersion(next) == newest + 1)
                let (product, extraRows) = try await next.read { db in
                    let statement = try db.sqlite.cached("SELECT count(*) FROM extra")
                    defer { statement.reset() }
                    _ = try statement.step()
                    return (try db.product(Fixtures.cereal), statement.int(0))
                }
                #expect(product == Fixtures.product(Fixtures.cereal))
                #expect(extraRows == 1)
                try await next.close()
            }
        }
    }

    @Test("Upgrading to freshness keeps every cached product as fresh as its fetch, no more")
    func freshnessUpgrade() async throws {
        try await withTemporaryDirectory { directory in
            let before = Array(Migration.all.prefix { $0.version < Migration.freshness.version })
            let old = try await Self.open(directory, before)
            try await old.write { db in
                _ = try db.sqlite.run(
                    """
                    INSERT INTO products (barcode, product_meta, updated_at, fetched_at, source)
                    VALUES ('017000161563', '{}', '2026-07-01T00:00:00Z', 1780000000000, 'sync')
                    """)
            }
            try await old.close()
            let upgraded = try await Self.open(directory, Migration.all)
            let record = try await upgraded.read { try $0.product(Barcode("017000161563")!) }
            #expect(record?.validatedAt == UnixMillis(1_780_000_000_000))
            #expect(record?.fetchedAt == UnixMillis(1_780_000_000_000))
            try await upgraded.close()
        }
    }

    @Test("A failing migration is rolled back whole and leaves the version as it was")
    func failingRollsBack() async throws {
        try await withTemporaryDirectory { directory in
            try await Self.open(directory, [.initialSchema]).close()
            let broken = Migration(
                version: 2, name: "broken", sql: "CREATE TABLE half (x); INSERT INTO no_such_table VALUES (1);")
            await #expect {
                try await Self.open(directory, [.initialSchema, broken])
            } throws: { error in
                guard case StoreError.migrationFailed(2, "broken", _) = error else { return false }
                return true
            }
            let database = try await Self.open(directory, [.initialSchema])
            #expect(try await Self.userVersion(database) == 1)
            let halfExists = try await database.read { db in
                let statement = try db.sqlite.cached("SELECT count(*) FROM sqlite_master WHERE name = 'half'")
                defer { statement.reset() }
                _ = try statement.step()
                return statement.int(0) > 0
            }
            #expect(!halfExists)
            try await database.close()
        }
    }

    @Test("A database from a newer storesync is refused, not moved aside or downgraded")
    func newerSchemaRefused() async throws {
        try await withTemporaryDirectory { directory in
            let extra = Migration(version: 2, name: "test extra table", sql: "CREATE TABLE extra (x INTEGER);")
            try await Self.open(directory, [.initialSchema, extra]).close()
            await #expect {
                try await Self.open(directory, [.initialSchema])
            } throws: { error in
                guard case StoreError.newerSchema(_, 2, 1) = error else { return false }
                return "\(error)".contains("newer storesync")
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(!names.contains { $0.contains("corrupt") })
        }
    }
}
