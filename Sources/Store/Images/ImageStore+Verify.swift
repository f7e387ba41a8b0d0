import Core

extension ImageStore {
    /// Re-hashes every indexed file and reports where files and index disagree: a missing file, a
    /// size or hash mismatch, an index path that is not the store's own, an unreadable file. Reads
    /// every byte: run it on a thread pool.
    public func verify(index: [ImageRecord]) -> [ImageProblem] {
        index.compactMap { record in
            problem(with: record).map {
                ImageProblem(
                    barcode: record.barcode, variant: record.variant, relativePath: record.relativePath, kind: $0)
            }
        }
    }

    private func problem(with record: ImageRecord) -> ImageProblem.Kind? {
        guard let expected = try? Self.relativePath(barcode: record.barcode, variant: record.variant),
            expected == record.relativePath
        else {
            let expected = (try? Self.relativePath(barcode: record.barcode, variant: record.variant)) ?? "(none)"
            return .unexpectedPath(expected: expected)
        }
        let path = root + "/" + expected
        guard let size = POSIXFiles.fileSize(path) else { return .missing }
        guard size == record.bytes else { return .sizeMismatch(expected: record.bytes, actual: size) }
        do {
            let actual = try ImageDigest.file(path, spaceRoot: root)
            if actual.bytes != record.bytes { return .sizeMismatch(expected: record.bytes, actual: actual.bytes) }
            if actual.sha256 != record.sha256 { return .hashMismatch(expected: record.sha256, actual: actual.sha256) }
            return nil
        } catch {
            return .unreadable(error.description)
        }
    }
}
