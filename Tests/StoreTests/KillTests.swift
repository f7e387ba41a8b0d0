import Core
import Foundation
import Logging
import TestSupport
import Testing

@testable import Store

/// Tests that SIGKILL a real child process (`store-writer`, `Tests/StoreWriter`) mid-write (build it
/// first: `swift build --build-tests`).
@Suite("Surviving a kill -9")
struct KillTests {
    static func executable() throws -> String {
        try #require(
            ChildProcess.storeWriterExecutable(),
            "the store-writer executable was not found next to the tests; run `swift build --build-tests` first")
    }

    @Test("A process killed between writing and renaming an image leaves no visible file; the sweep removes the temp")
    func imageKill() async throws {
        let directory = try TemporaryDirectory("kill-image")
        defer { directory.remove() }
        let child = try ChildProcess(
            executable: try Self.executable(),
            arguments: [
                "write-image", "--state-dir", directory.path, "--barcode", "017000161563", "--variant", "front",
                "--pause-before-rename",
            ])
        let ready = try #require(await child.waitForLine { $0.hasPrefix("ready ") })
        let temporary = String(ready.dropFirst("ready ".count))
        child.kill()
        #expect(child.wasKilledBySignal && child.terminationStatus == SIGKILL)

        let images = ImageStore(stateDirectory: directory.path)
        #expect(temporary.hasPrefix(images.temporaryDirectory + "/"))
        #expect(FileManager.default.fileExists(atPath: temporary))
        #expect(Fixtures.mode(temporary) == 0o640)
        let final = try images.absolutePath(barcode: Fixtures.cereal, variant: .front)
        #expect(!FileManager.default.fileExists(atPath: final))
        #expect(!FileManager.default.fileExists(atPath: POSIXFiles.parentDirectory(of: final)))
        #expect(images.sweepTemporaryFiles() == 1)
        #expect(!FileManager.default.fileExists(atPath: temporary))
    }

    @Test("The same command without the pause stores the image under its final name")
    func imageWithoutKill() async throws {
        let directory = try TemporaryDirectory("kill-image")
        defer { directory.remove() }
        let child = try ChildProcess(
            executable: try Self.executable(),
            arguments: [
                "write-image", "--state-dir", directory.path, "--barcode", "0017000161563", "--size", "1000",
            ])
        let stored = try #require(await child.waitForLine { $0.hasPrefix("stored ") })
        let parts = stored.split(separator: " ")
        let final = try ImageStore(stateDirectory: directory.path).absolutePath(
            barcode: Fixtures.cereal, variant: .front)
        #expect(parts.count == 3 && String(parts[1]) == final)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: final)))
        #expect(bytes.count == 1000 && ImageDigest.sha256(bytes) == String(parts[2]))
    }

    @Test("A writer killed mid-loop leaves a database that passes integrity_check with every committed row")
    func databaseKill() async throws {
        let directory = try TemporaryDirectory("kill-db")
        defer { directory.remove() }
        let child = try ChildProcess(
            executable: try Self.executable(), arguments: ["write-loop", "--state-dir", directory.path])
        var lastCommitted = 0
        while lastCommitted < 60, let line = await child.waitForLine(where: { $0.hasPrefix("committed ") }) {
            lastCommitted = Int(line.dropFirst("committed ".count)) ?? lastCommitted
        }
        child.kill()
        #expect(child.wasKilledBySignal)
        // Lines the child printed before the kill but we had not read yet are acknowledged commits too.
        while let line = await child.waitForLine(where: { $0.hasPrefix("committed ") }) {
            lastCommitted = Int(line.dropFirst("committed ".count)) ?? lastCommitted
        }
        try #require(lastCommitted >= 60)

        let recorder = LogRecorder()
        let database = try await Database.open(directory: directory.path, logger: recorder.logger())
        let (problems, products, last) = try await database.read { db in
            (
                try DatabaseOpener.integrityProblems(db.sqlite), try db.cacheStats().products,
                try db.syncState("debug_loop_last").flatMap { Int($0) }
            )
        }
        #expect(problems.isEmpty)
        #expect(!recorder.all.contains { $0.level == .error })
        let survived = try #require(last)
        // Every acknowledged commit is there; at most the one in flight at the kill is extra.
        #expect(survived >= lastCommitted && survived <= lastCommitted + 1)
        #expect(products == survived)
        let missing = try await database.read { db in
            try (1...survived).filter { try db.product(Fixtures.barcode($0)) == nil }
        }
        #expect(missing.isEmpty)
        try await database.close()
    }
}
