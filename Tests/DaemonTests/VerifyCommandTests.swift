import Core
import Foundation
import Store
import TestSupport
import Testing

/// `storesync verify` run as a process against a real state directory.
@Suite("storesync verify")
struct VerifyCommandTests {
    @Test("A sound state directory verifies with exit 0; a changed image file is named with exit 1")
    func soundThenDamaged() async throws {
        let binary = try #require(BuiltExecutable.storesync, "build storesync first (swift build --build-tests)")
        let directory = try TestDirectory("verify")
        defer { directory.remove() }
        let state = directory.path + "/state"
        let barcode = try Barcode(validating: "017000161563")
        let database = try await Database.open(directory: state, logger: SandboxTesting.logger)
        let images = database.imageStore
        let writer = try images.beginWrite(barcode: barcode, variant: .front)
        try writer.write([UInt8](repeating: 0xAB, count: 4096))
        let stored = try writer.commit()
        try await database.write { db in
            try db.saveProduct(
                ProductRecord(
                    barcode: barcode, productMeta: #"{"product_name":"Cereal"}"#, updatedAt: "2026-06-04T15:49:50Z",
                    fetchedAt: UnixMillis(1_780_000_000_000), source: .sync))
            try db.saveImage(
                ImageRecord(
                    stored: stored, barcode: barcode, variant: .front, productUpdatedAt: "2026-06-04T15:49:50Z",
                    storedAt: UnixMillis(1_780_000_000_000)))
        }
        try await database.close()

        let sound = try await ScriptRun.run(binary, ["verify", "--state-dir", state], in: directory)
        #expect(sound.status == 0, "\(sound.output)\(sound.errors)")
        #expect(sound.output.contains("integrity_check ok"))
        #expect(sound.output.contains("1 indexed"))

        // One flipped byte: same size, another hash.
        let handle = try #require(FileHandle(forUpdatingAtPath: stored.absolutePath))
        try handle.seek(toOffset: 100)
        try handle.write(contentsOf: Data([0x00]))
        try handle.close()
        let damaged = try await ScriptRun.run(binary, ["verify", "--state-dir", state, "--json"], in: directory)
        #expect(damaged.status == 1)
        let report = try JSONValue(parsing: damaged.output.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(report["sound"] == .bool(false))
        #expect(report["integrity_problems"]?.arrayValue?.isEmpty == true)
        let problems = report["image_problems"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(problems.count == 1 && problems[0].contains("017000161563 front") && problems[0].contains("sha256"))

        let missing = try await ScriptRun.run(
            binary, ["verify", "--state-dir", directory.path + "/nowhere"], in: directory)
        #expect(missing.status == 66)
        #expect(missing.errors.contains("no database"))
    }
}
