import Core
import Foundation
import Sync
import TestSupport
import Testing

@Suite("Catalog watcher")
struct CatalogWatcherTests {
    static let good = "barcode,name,price,stock\n017000161563,Cereal,4.99,12\n030772095355,Soap,2.50,\n"

    @Test("Bad rows are reported by line and skipped; the good rows are served")
    func badRowsByLine() async throws {
        try await withTemporaryDirectory("catalog") { directory in
            let path = directory.appending("catalog.csv")
            let text =
                "barcode,name,price\n017000161563,Cereal,4.99\n12345,Broken,1.00\n030772095355,Soap,abc\n"
                + "080878194964,Snack,1.25\n"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let logs = LogCapture()
            let watcher = CatalogWatcher(path: path, logger: logs.logger())
            let snapshot = try #require(watcher.snapshot())
            #expect(snapshot.isLoaded)
            #expect(Set(snapshot.entries.keys.map(\.digits)) == ["017000161563", "080878194964"])
            #expect(snapshot.problemCount == 2)
            #expect(watcher.entry(Barcode("017000161563")!)?.name == "Cereal")
            let logged = logs.lines(containing: "store catalog row skipped")
            #expect(logged.count == 2)
            #expect(logged.contains { $0.contains("line=3") })
            #expect(logged.contains { $0.contains("line=4") })
            // Looking again at an unchanged file neither reloads nor logs the rows again.
            guard case .unchanged = watcher.checkNow() else {
                Issue.record("an unchanged file is not reloaded")
                return
            }
            #expect(logs.lines(containing: "store catalog row skipped").count == 2)
        }
    }

    @Test("A changed file is reloaded; a broken header or a missing file keeps the last good catalog")
    func reloadAndKeepLastGood() async throws {
        try await withTemporaryDirectory("catalog") { directory in
            let path = directory.appending("catalog.csv")
            try Self.good.write(toFile: path, atomically: true, encoding: .utf8)
            let logs = LogCapture()
            let watcher = CatalogWatcher(path: path, logger: logs.logger())
            #expect(watcher.snapshot()?.count == 2)

            try (Self.good + "080878194964,Snack,1.25,3\n").write(toFile: path, atomically: true, encoding: .utf8)
            guard case .loaded(let entries, let problems) = watcher.checkNow() else {
                Issue.record("a changed file is reloaded")
                return
            }
            #expect(entries == 3 && problems.isEmpty)
            #expect(watcher.snapshot()?.count == 3)

            try "sku;title;cost\n1;2;3\n".write(toFile: path, atomically: true, encoding: .utf8)
            guard case .unusable = watcher.checkNow() else {
                Issue.record("a broken header is refused")
                return
            }
            #expect(watcher.snapshot()?.count == 3)
            #expect(logs.lines(containing: "unusable; keeping the last good catalog").count == 1)

            try FileManager.default.removeItem(atPath: path)
            guard case .missing = watcher.checkNow() else {
                Issue.record("a missing file is noticed")
                return
            }
            _ = watcher.checkNow()
            #expect(watcher.snapshot()?.count == 3)
            #expect(logs.lines(containing: "missing or unreadable").count == 1)

            try Self.good.write(toFile: path, atomically: true, encoding: .utf8)
            guard case .loaded(2, _) = watcher.checkNow() else {
                Issue.record("a file that comes back is read")
                return
            }
        }
    }

    @Test("No catalog configured is nil; a configured file never readable is an empty, not-loaded catalog")
    func notConfiguredAndNeverLoaded() async throws {
        let none = CatalogWatcher(path: nil, logger: SyncTestLogs.silent)
        #expect(none.snapshot() == nil)
        guard case .notConfigured = none.checkNow() else {
            Issue.record("no path, nothing to check")
            return
        }
        try await withTemporaryDirectory("catalog") { directory in
            let watcher = CatalogWatcher(path: directory.appending("absent.csv"), logger: SyncTestLogs.silent)
            let snapshot = try #require(watcher.snapshot())
            #expect(!snapshot.isLoaded)
            #expect(snapshot.count == 0)
        }
    }

    @Test("The service looks at the file every poll interval")
    func pollsOnItsClock() async throws {
        try await withTemporaryDirectory("catalog") { directory in
            let path = directory.appending("catalog.csv")
            try Self.good.write(toFile: path, atomically: true, encoding: .utf8)
            let clock = ManualClock()
            let watcher = CatalogWatcher(
                path: path, pollInterval: .seconds(3), clock: clock.wallClock, logger: SyncTestLogs.silent)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await watcher.run() }
                try await eventually("the watcher to sleep") { clock.sleepers == 1 }
                try (Self.good + "080878194964,Snack,1.25,3\n").write(toFile: path, atomically: true, encoding: .utf8)
                #expect(watcher.snapshot()?.count == 2)
                clock.advance(by: 3)
                try await eventually("the change to be read") { watcher.snapshot()?.count == 3 }
                group.cancelAll()
            }
        }
    }
}
