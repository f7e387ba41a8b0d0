import Core
import Foundation

/// After a salvage, makes the image index and the files on disk agree again without buying
/// anything: drops salvaged index rows whose file is missing or has another sha256, then indexes by
/// its sha256 every file no row points at whose product was salvaged (variant from the file name,
/// content type from the magic bytes or the extension, `product_updated_at` the product's
/// `updated_at`). Files of products that were not salvaged are kept: a later fetch replaces them.
struct ImageReindexer {
    let store: ImageStore
    let connection: SQLiteConnection
    let now: UnixMillis

    /// Runs both steps inside one transaction; returns (dropped, reindexed, kept).
    func run() throws -> (dropped: Int, reindexed: Int, kept: Int) {
        try connection.execute("BEGIN IMMEDIATE")
        do {
            let dropped = try dropMismatchedRows()
            let (reindexed, kept) = try indexLooseFiles()
            try connection.execute("COMMIT")
            return (dropped, reindexed, kept)
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    /// Deletes the rows whose file is not at the store's path with the recorded size and sha256.
    private func dropMismatchedRows() throws -> Int {
        let rows = try ReadConnection(sqlite: connection).allImages()
        let problems = store.verify(index: rows)
        for problem in problems {
            try connection.run(
                "DELETE FROM images WHERE barcode = ? AND variant = ?", .text(problem.barcode.digits),
                .text(problem.variant.rawValue))
        }
        return problems.count
    }

    /// Indexes the files no row points at; returns (indexed, kept for later).
    private func indexLooseFiles() throws -> (Int, Int) {
        var indexed = 0
        var kept = 0
        for file in ImageFileWalk(root: store.root).files() {
            guard try ReadConnection(sqlite: connection).image(file.barcode, variant: file.variant) == nil else {
                continue
            }
            let statement = try connection.cached("SELECT updated_at FROM products WHERE barcode = ?")
            defer { statement.reset() }
            try statement.bind([.text(file.barcode.digits)])
            guard try statement.step() else {
                kept += 1
                continue
            }
            let updatedAt = statement.text(0)
            guard let digest = try? ImageDigest.file(store.root + "/" + file.relativePath, spaceRoot: store.root)
            else { continue }
            let record = ImageRecord(
                barcode: file.barcode, variant: file.variant, relativePath: file.relativePath,
                sha256: digest.sha256, bytes: digest.bytes, contentType: file.contentType,
                productUpdatedAt: updatedAt, storedAt: now)
            try WriteConnection(sqlite: connection).saveImage(record)
            indexed += 1
        }
        return (indexed, kept)
    }
}
