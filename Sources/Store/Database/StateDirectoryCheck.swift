import Foundation

/// A read-only check of a state directory, for `storesync verify`: `PRAGMA integrity_check` on the
/// database and a re-hash of every indexed image file against the index. It changes nothing (a
/// damaged database is reported, not moved aside) and can run while the daemon runs (WAL readers
/// never block the writer).
public struct StateDirectoryCheck: Sendable {
    /// The rows of `integrity_check` other than `ok`.
    public var integrityProblems: [String]
    /// Indexed images whose file is missing, of another size or hash, or unreadable.
    public var imageProblems: [ImageProblem]
    /// How many images the index holds.
    public var indexedImages: Int
    /// Their bytes, as the index records them.
    public var indexedBytes: Int64
    /// Leftover temporary files of interrupted image writes (the next start sweeps them).
    public var temporaryFiles: Int

    /// Whether nothing is wrong.
    public var isSound: Bool { integrityProblems.isEmpty && imageProblems.isEmpty }

    /// Checks the state directory `directory`. Throws when its database is missing or cannot be
    /// opened at all (the error names the path).
    public static func run(directory: String) throws -> StateDirectoryCheck {
        let path = directory + "/" + DatabaseOpener.fileName
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missingDatabase(path: path) }
        let connection = try Database.openReadOnly(path: path)
        defer { connection.close() }
        let reader = ReadConnection(sqlite: connection)
        let integrity: [String]
        do { integrity = try reader.integrityProblems() } catch { integrity = ["\(error)"] }
        let index = integrity.isEmpty ? try reader.allImages() : []
        let images = ImageStore(stateDirectory: directory)
        let temporary = (try? FileManager.default.contentsOfDirectory(atPath: images.temporaryDirectory).count) ?? 0
        return StateDirectoryCheck(
            integrityProblems: integrity, imageProblems: images.verify(index: index), indexedImages: index.count,
            indexedBytes: index.reduce(0) { $0 + $1.bytes }, temporaryFiles: temporary)
    }
}
