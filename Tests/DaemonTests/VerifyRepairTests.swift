import Core
import Foundation
import Store
import TestSupport
import Testing

/// `storesync verify --repair` run as a process against a damaged state directory.
@Suite("storesync verify --repair")
struct VerifyRepairTests {
    @Test("Repair refuses while the state directory is locked, then salvages the outbox and exits 0")
    func repairsDamagedDatabase() async throws {
        let binary = try #require(BuiltExecutable.storesync, "build storesync first (swift build --build-tests)")
        let directory = try TestDirectory("verify-repair")
        defer { directory.remove() }
        let state = directory.path + "/state"
        let database = try await Database.open(directory: state, logger: SandboxTesting.logger)
        try await database.write { db in
            for number in 0..<30 {
                let body = "1000000000" + String(format: "%02d", number)
                let barcode = Barcode(
                    trustedCanonical: body + String(Barcode.checkDigit(of: body.utf8.map { $0 - UInt8(ascii: "0") })))
                try db.saveProduct(
                    ProductRecord(
                        barcode: barcode,
                        productMeta: "{\"name\":\"mark-\(number) \(String(repeating: "x", count: 1200))\"}",
                        updatedAt: "2026-06-04T15:49:50Z", fetchedAt: UnixMillis(1_780_000_000_000), source: .sync))
            }
            let change = ShelfNewChange(barcode: StoreBarcode("017000161563")!, change: "{}", fields: .price)
            try db.appendShelfChanges([change], source: .pos, at: UnixMillis(1_780_000_000_000))
        }
        try await database.close()
        try Self.damagePage(containing: "mark-20 ", file: state + "/storesync.sqlite")

        let damaged = try await ScriptRun.run(binary, ["verify", "--state-dir", state], in: directory)
        #expect(damaged.status == 1)

        do {
            let lock = try StateDirectoryLock.acquire(directory: state)
            let refused = try await ScriptRun.run(binary, ["verify", "--state-dir", state, "--repair"], in: directory)
            #expect(refused.status == 1)
            #expect(refused.errors.contains("refusing to repair"))
            withExtendedLifetime(lock) {}
        }

        let repaired = try await ScriptRun.run(binary, ["verify", "--state-dir", state, "--repair"], in: directory)
        #expect(repaired.status == 0, "\(repaired.output)\(repaired.errors)")
        #expect(repaired.output.contains("repair: moved the damaged database"))
        #expect(repaired.output.contains("shelf_outbox: 1 recovered, 0 lost"))
        #expect(repaired.output.contains("products: ") && repaired.output.contains("(damaged pages)"))
        #expect(repaired.output.contains("sound"))

        let again = try await ScriptRun.run(binary, ["verify", "--state-dir", state, "--repair"], in: directory)
        #expect(again.status == 0)
        #expect(again.output.contains("nothing to salvage"))
    }

    /// Overwrites the first table-leaf page of `file` that contains `marker`.
    static func damagePage(containing marker: String, file: String) throws {
        var data = try Data(contentsOf: URL(fileURLWithPath: file))
        let size = 4096
        for page in 1..<(data.count / size) {
            let range = (page * size)..<((page + 1) * size)
            guard data[range.lowerBound] == 0x0D, data[range].range(of: Data(marker.utf8)) != nil else { continue }
            data.replaceSubrange(range, with: Data(repeating: 0xA5, count: size))
            try data.write(to: URL(fileURLWithPath: file))
            return
        }
        Issue.record("no page holds \(marker)")
    }
}
