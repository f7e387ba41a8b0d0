import ArgumentParser
import Core
import Foundation
import Logging
import Store

/// `store-writer`: writes to a state directory through the real `Store`, for the tests that kill a
/// process at a chosen point of a write (`KillTests`). Built beside the tests, never shipped.
@main
struct StoreWriter: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store-writer", abstract: "Write to a state directory, to be killed (test helper).",
        subcommands: [WriteImage.self, WriteLoop.self])

    /// `store-writer write-image --state-dir D --barcode B --variant V [--pause-before-rename]`:
    /// writes a generated image through the image store. With `--pause-before-rename` it stops after
    /// the temporary file is written and fsynced, prints `ready <temp path>`, and sleeps to be killed.
    struct WriteImage: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "write-image", abstract: "Write one generated image.")

        @Option(help: "The state directory.") var stateDir: String
        @Option(help: "The barcode.") var barcode: String
        @Option(help: "The variant (front, back, front_clean, back_clean).") var variant: String = "front"
        @Option(help: "Bytes to write.") var size: Int = 65_536
        @Flag(help: "Stop before the rename and wait to be killed.") var pauseBeforeRename = false

        func run() throws {
            let code = try Barcode(validating: barcode)
            guard let kind = ImageVariant(rawValue: variant) else {
                throw ValidationError("unknown variant '\(variant)'")
            }
            let store = ImageStore(stateDirectory: stateDir)
            let bytes = (0..<max(size, 4)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let writer = try store.beginWrite(barcode: code, variant: kind)
            try writer.write(bytes)
            if pauseBeforeRename {
                StoreWriter.say("ready \(writer.temporaryPath)")
                Thread.sleep(forTimeInterval: 120)  // the test kills us long before this
                writer.discard()
                throw ExitCode(3)
            }
            let stored = try writer.commit()
            StoreWriter.say("stored \(stored.absolutePath) \(stored.sha256)")
        }
    }

    /// `store-writer write-loop --state-dir D [--count N]`: commits product rows one transaction at
    /// a time and prints `committed <n>` after each commit returns, until killed or `N` rows.
    struct WriteLoop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "write-loop", abstract: "Commit rows in a loop.")

        @Option(help: "The state directory.") var stateDir: String
        @Option(help: "Rows to write before exiting.") var count: Int = 1_000_000

        func run() async throws {
            let logger = Logger(label: "storesync.debug") { StreamLogHandler.standardError(label: $0) }
            let database = try await Database.open(directory: stateDir, logger: logger)
            for number in 1...max(count, 1) {
                let record = StoreWriter.loopProduct(number)
                try await database.write { db in
                    try db.saveProduct(record)
                    try db.setSyncState("debug_loop_last", to: String(number), at: record.fetchedAt)
                }
                StoreWriter.say("committed \(number)")
            }
            try await database.close()
        }
    }

    /// The row the write loop commits as number `number` (tests rebuild it to compare).
    static func loopProduct(_ number: Int) -> ProductRecord {
        let body = "1" + String(repeating: "0", count: max(0, 10 - String(number).count)) + String(number)
        let digits = body.utf8.map { $0 - UInt8(ascii: "0") }
        let barcode = Barcode(trustedCanonical: body + String(Barcode.checkDigit(of: digits)))
        return ProductRecord(
            barcode: barcode, productMeta: #"{"n":\#(number),"pad":"\#(String(repeating: "x", count: 512))"}"#,
            updatedAt: "2026-07-02T00:00:00Z", fetchedAt: UnixMillis(1_780_000_000_000 + Int64(number)), source: .sync)
    }

    /// Writes one line to stdout at once (unbuffered), so a parent process sees it before a kill.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
