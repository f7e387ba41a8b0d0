import Core
import Foundation

/// The permanent image store: `<state_dir>/images/<first 3 digits>/<barcode>/<variant>.<jpg|png>`.
///
/// Paths are built only from canonical barcode digits (checked again here: 8, 12, 13 or 14 ASCII
/// digits) and ``ImageVariant`` names, so no input can reach outside ``root``. Files are written to a
/// unique temporary file in `images/.tmp/`, fsynced, renamed over the final name and the directory
/// fsynced: a reader sees the old file or the new one, never a part, even across a kill or a power cut.
/// A full disk fails the write and leaves the old file as it was. Blocking: call it off the
/// cooperative pool (a thread pool) when it matters.
public struct ImageStore: Sendable {
    /// `<state_dir>/images`.
    public let root: String
    /// `<state_dir>/images/.tmp`, swept at start.
    public let temporaryDirectory: String

    /// Mode of the image files (owner read/write, group read).
    static let fileMode: mode_t = 0o640
    /// Mode of the directories the store creates.
    static let directoryMode: mode_t = 0o750

    public init(stateDirectory: String) {
        self.root = Self.root(stateDirectory: stateDirectory)
        self.temporaryDirectory = root + "/.tmp"
    }

    /// The image root of a state directory.
    public static func root(stateDirectory: String) -> String {
        (stateDirectory.hasSuffix("/") ? String(stateDirectory.dropLast()) : stateDirectory) + "/images"
    }

    /// `<first 3 digits>/<digits>/<variant>.<ext>`, from canonical digits only.
    public static func relativePath(barcode: Barcode, variant: ImageVariant) throws(ImagePathError) -> String {
        let digits = barcode.digits
        guard isCanonicalDigits(digits) else { throw ImagePathError(barcode: digits) }
        return "\(digits.prefix(3))/\(digits)/\(variant.rawValue).\(variant.fileExtension)"
    }

    /// Whether `text` is 8, 12, 13 or 14 ASCII digits (what `Barcode.digits` always is when validated).
    static func isCanonicalDigits(_ text: String) -> Bool {
        let bytes = text.utf8
        guard [8, 12, 13, 14].contains(bytes.count) else { return false }
        return bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// The absolute path of `barcode`'s `variant` (whether or not it is stored).
    public func absolutePath(barcode: Barcode, variant: ImageVariant) throws(ImagePathError) -> String {
        root + "/" + (try Self.relativePath(barcode: barcode, variant: variant))
    }

    /// Creates the root and the temporary directory if missing.
    public func prepare() throws(StoreFileError) {
        try makeDirectories(temporaryDirectory)
    }

    /// Writes `bytes` as `barcode`'s `variant`, atomically replacing an older file.
    public func store(_ bytes: [UInt8], barcode: Barcode, variant: ImageVariant) throws -> StoredImage {
        let writer = try beginWrite(barcode: barcode, variant: variant)
        do {
            try writer.write(bytes)
            return try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }

    /// Starts writing `barcode`'s `variant` in a new temporary file (for streamed downloads).
    /// Nothing is visible under the final name until ``ImageWriter/commit()``.
    public func beginWrite(barcode: Barcode, variant: ImageVariant) throws -> ImageWriter {
        let relative = try Self.relativePath(barcode: barcode, variant: variant)
        try prepare()
        var random = SystemRandomNumberGenerator()
        let token = String(random.next() as UInt64, radix: 16)
        let temporary = "\(temporaryDirectory)/\(barcode.digits)-\(variant.rawValue)-\(getpid())-\(token).tmp"
        let descriptor = try POSIXFiles.createExclusive(temporary, mode: Self.fileMode, spaceRoot: root)
        return ImageWriter(
            store: self, descriptor: descriptor, temporaryPath: temporary, relativePath: relative,
            absolutePath: root + "/" + relative)
    }

    /// Deletes the file of `barcode`'s `variant`; returns whether there was one.
    @discardableResult
    public func remove(barcode: Barcode, variant: ImageVariant) throws -> Bool {
        let path = try absolutePath(barcode: barcode, variant: variant)
        guard unlink(path) == 0 else {
            if errno == ENOENT { return false }
            throw StoreFileError(operation: "delete", path: path, code: errno, spaceRoot: root)
        }
        try POSIXFiles.syncDirectory(POSIXFiles.parentDirectory(of: path), spaceRoot: root)
        return true
    }

    /// Deletes every leftover temporary file (from writes a crash or kill interrupted). Call it at
    /// start, before anything writes images. Returns how many files it removed.
    @discardableResult
    public func sweepTemporaryFiles() -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: temporaryDirectory) else { return 0 }
        var removed = 0
        for name in names where unlink(temporaryDirectory + "/" + name) == 0 {
            removed += 1
        }
        return removed
    }

    /// Creates `path` and missing parents, fsyncing each new directory's parent so it survives power loss.
    func makeDirectories(_ path: String) throws(StoreFileError) {
        let created = try POSIXFiles.makeDirectories(path, mode: Self.directoryMode, spaceRoot: root)
        for directory in created {
            try POSIXFiles.syncDirectory(POSIXFiles.parentDirectory(of: directory), spaceRoot: root)
        }
    }
}
