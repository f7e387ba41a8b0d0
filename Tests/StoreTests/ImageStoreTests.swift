import Core
import Foundation
import NIOPosix
import TestSupport
import Testing

@testable import Store

@Suite("The image store")
struct ImageStoreTests {
    static let jpeg: [UInt8] =
        [0xFF, 0xD8, 0xFF, 0xE0] + (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7) } + [0xFF, 0xD9]

    @Test("Stored bytes land at images/<3 digits>/<barcode>/<variant>.<ext> with mode 0640 and their sha256")
    func store() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let images = ImageStore(stateDirectory: directory.path)
        let stored = try images.store(Self.jpeg, barcode: Fixtures.cereal, variant: .front)
        #expect(stored.relativePath == "017/017000161563/front.jpg")
        #expect(stored.absolutePath == directory.path + "/images/017/017000161563/front.jpg")
        #expect(stored.bytes == Self.jpeg.count)
        #expect(stored.sha256 == ImageDigest.sha256(Self.jpeg))
        #expect(stored.sha256.count == 64)
        #expect(try Data(contentsOf: URL(fileURLWithPath: stored.absolutePath)) == Data(Self.jpeg))
        #expect(Fixtures.mode(stored.absolutePath) == 0o640)
        #expect(Fixtures.mode(directory.path + "/images/017") == 0o750)
        let png = try images.store([0x89, 0x50, 0x4E, 0x47], barcode: Fixtures.cereal, variant: .backClean)
        #expect(png.relativePath == "017/017000161563/back_clean.png")
        #expect(try FileManager.default.contentsOfDirectory(atPath: images.temporaryDirectory).isEmpty)
    }

    @Test("Storing again replaces the file whole; the index row built from it carries the new hash")
    func atomicReplace() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let images = ImageStore(stateDirectory: directory.path)
        let first = try images.store(Self.jpeg, barcode: Fixtures.cereal, variant: .front)
        let newer = Array(Self.jpeg.reversed()) + [1, 2, 3]
        let second = try images.store(newer, barcode: Fixtures.cereal, variant: .front)
        #expect(first.absolutePath == second.absolutePath)
        #expect(first.sha256 != second.sha256)
        #expect(try Data(contentsOf: URL(fileURLWithPath: second.absolutePath)) == Data(newer))
        let row = ImageRecord(
            stored: second, barcode: Fixtures.cereal, variant: .front, productUpdatedAt: "2026-07-01T00:00:00Z",
            storedAt: UnixMillis(9))
        #expect(row.sha256 == second.sha256 && row.bytes == Int64(newer.count) && row.contentType == "image/jpeg")
        #expect(images.verify(index: [row]).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: images.temporaryDirectory).isEmpty)
    }

    @Test("An unfinished write is invisible under the final name; discarding it leaves the old file")
    func unfinishedWriteInvisible() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let images = ImageStore(stateDirectory: directory.path)
        let old = try images.store(Self.jpeg, barcode: Fixtures.cereal, variant: .front)
        let writer = try images.beginWrite(barcode: Fixtures.cereal, variant: .front)
        try writer.write([1, 2, 3, 4])
        #expect(FileManager.default.fileExists(atPath: writer.temporaryPath))
        #expect(writer.temporaryPath.hasPrefix(images.temporaryDirectory + "/"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: old.absolutePath)) == Data(Self.jpeg))
        writer.discard()
        #expect(!FileManager.default.fileExists(atPath: writer.temporaryPath))
        #expect(try Data(contentsOf: URL(fileURLWithPath: old.absolutePath)) == Data(Self.jpeg))
    }

    @Test("The start-up sweep removes leftover temporary files and nothing else")
    func sweep() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let images = ImageStore(stateDirectory: directory.path)
        #expect(images.sweepTemporaryFiles() == 0)
        let kept = try images.store(Self.jpeg, barcode: Fixtures.cereal, variant: .front)
        for variant in [ImageVariant.front, .back] {
            let writer = try images.beginWrite(barcode: Fixtures.barcode(1), variant: variant)
            try writer.write(Self.jpeg)
            // Simulate a crash: the writer's file stays behind (no commit, no discard).
            _ = FileManager.default.createFile(atPath: writer.temporaryPath + ".copy", contents: Data(Self.jpeg))
            writer.discard()
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: images.temporaryDirectory).count == 2)
        #expect(images.sweepTemporaryFiles() == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: images.temporaryDirectory).isEmpty)
        #expect(FileManager.default.fileExists(atPath: kept.absolutePath))
    }

    @Test("Verify finds a flipped byte, a missing file, a size change and a foreign index path")
    func verify() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let images = ImageStore(stateDirectory: directory.path)
        func row(_ barcode: Barcode, _ variant: ImageVariant) throws -> ImageRecord {
            let stored = try images.store(Self.jpeg, barcode: barcode, variant: variant)
            return ImageRecord(
                stored: stored, barcode: barcode, variant: variant, productUpdatedAt: "u", storedAt: UnixMillis(0))
        }
        let sound = try row(Fixtures.barcode(1), .front)
        let flipped = try row(Fixtures.barcode(2), .front)
        let missing = try row(Fixtures.barcode(3), .front)
        let truncated = try row(Fixtures.barcode(4), .front)
        var foreign = try row(Fixtures.barcode(5), .front)
        foreign.relativePath = "../../etc/passwd"
        #expect(images.verify(index: [sound, flipped, missing, truncated]).isEmpty)

        var bytes = Self.jpeg
        bytes[100] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: images.root + "/" + flipped.relativePath))
        try FileManager.default.removeItem(atPath: images.root + "/" + missing.relativePath)
        try Data(Self.jpeg.dropLast()).write(to: URL(fileURLWithPath: images.root + "/" + truncated.relativePath))

        let problems = images.verify(index: [sound, flipped, missing, truncated, foreign])
        #expect(problems.count == 4)
        let kinds = Dictionary(uniqueKeysWithValues: problems.map { ($0.barcode, $0.kind) })
        #expect(kinds[flipped.barcode] == .hashMismatch(expected: flipped.sha256, actual: ImageDigest.sha256(bytes)))
        #expect(kinds[missing.barcode] == .missing)
        #expect(
            kinds[truncated.barcode]
                == .sizeMismatch(expected: Int64(Self.jpeg.count), actual: Int64(Self.jpeg.count - 1)))
        let expectedForeign = try ImageStore.relativePath(barcode: foreign.barcode, variant: .front)
        #expect(kinds[foreign.barcode] == .unexpectedPath(expected: expectedForeign))
        #expect(problems.allSatisfy { !$0.description.isEmpty })
    }

    @Test("No barcode text can build a path outside the image root")
    func pathSafety() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let images = ImageStore(stateDirectory: directory.path)
        for hostile in ["../../../etc/x", "..", "/etc/passwd", "01234567/../", "0123456789ab", "", "12345678\u{0}"] {
            let barcode = Barcode(trustedCanonical: hostile)
            #expect(throws: ImagePathError.self) { try ImageStore.relativePath(barcode: barcode, variant: .front) }
            #expect(throws: ImagePathError.self) { try images.store([1], barcode: barcode, variant: .front) }
        }
        let everything = try FileManager.default.subpathsOfDirectory(atPath: directory.path)
        #expect(everything.allSatisfy { !$0.contains("etc") && !$0.contains("..") })
        for digits in ["96385074", "017000161563", "4006381333931", "10012345678902"] {
            let path = try ImageStore.relativePath(barcode: Barcode(trustedCanonical: digits), variant: .frontClean)
            #expect(path == "\(digits.prefix(3))/\(digits)/front_clean.png")
        }
    }

    @Test("A streamed write in chunks and a store on a thread pool give the same file and hash")
    func streamedAndPooled() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let images = ImageStore(stateDirectory: directory.path + "/")
        #expect(images.root == directory.path + "/images")
        let writer = try images.beginWrite(barcode: Fixtures.cereal, variant: .back)
        for chunk in stride(from: 0, to: Self.jpeg.count, by: 1000) {
            try Self.jpeg[chunk..<min(chunk + 1000, Self.jpeg.count)].withUnsafeBytes {
                try writer.write(contentsOf: $0)
            }
        }
        let streamed = try writer.commit()
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        let pooled = try await images.store(Self.jpeg, barcode: Fixtures.barcode(1), variant: .back, on: pool)
        let swept = try await images.sweepTemporaryFiles(on: pool)
        try await pool.shutdownGracefully()
        #expect(streamed.sha256 == ImageDigest.sha256(Self.jpeg) && streamed.bytes == Self.jpeg.count)
        #expect(pooled.sha256 == streamed.sha256)
        #expect(swept == 0)
    }

    @Test("A full disk says so and names the directory to free space under")
    func diskFullMessage() {
        let error = StoreFileError(
            operation: "write", path: "/var/lib/storesync/images/.tmp/x.tmp", code: ENOSPC,
            spaceRoot: "/var/lib/storesync/images")
        #expect(error.isDiskFull)
        #expect(
            error.description
                == "could not write /var/lib/storesync/images/.tmp/x.tmp: the disk is full: free space under /var/lib/storesync/images"
        )
        let other = StoreFileError(operation: "create", path: "/p", code: EACCES, spaceRoot: "/")
        #expect(other.description.contains("/p") && other.description.contains("errno \(EACCES)"))
    }

    @Test("A write that fails (here: a full device) deletes its temp file and leaves the old image intact")
    func failedWriteLeavesOldFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let images = ImageStore(stateDirectory: directory.path)
        let old = try images.store(Self.jpeg, barcode: Fixtures.cereal, variant: .front)
        let writer = try images.beginWrite(barcode: Fixtures.cereal, variant: .front)
        // Swap the temp file's descriptor for /dev/full, which fails every write with ENOSPC.
        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0)
        let descriptor = try #require(writer.descriptorForTesting)
        dup2(full, descriptor)
        close(full)
        #expect {
            try writer.write(Self.jpeg)
        } throws: { error in
            (error as? StoreFileError)?.isDiskFull == true && "\(error)".contains("free space under \(images.root)")
        }
        writer.discard()
        #expect(!FileManager.default.fileExists(atPath: writer.temporaryPath))
        #expect(try Data(contentsOf: URL(fileURLWithPath: old.absolutePath)) == Data(Self.jpeg))
    }
}
