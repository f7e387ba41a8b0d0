import Core

extension WriteConnection {
    /// Inserts or replaces the index row of `record.barcode`'s `record.variant`. The product record
    /// must exist (the index row is deleted with it). An eviction mark of the variant is cleared.
    public func saveImage(_ record: ImageRecord) throws {
        changes.record(record.barcode)
        try sqlite.run(
            "DELETE FROM evicted_images WHERE barcode = ? AND variant = ?", .text(record.barcode.digits),
            .text(record.variant.rawValue))
        try sqlite.run(
            """
            INSERT INTO images (barcode, variant, path, sha256, bytes, content_type, product_updated_at, stored_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (barcode, variant) DO UPDATE SET
                path = excluded.path, sha256 = excluded.sha256, bytes = excluded.bytes,
                content_type = excluded.content_type, product_updated_at = excluded.product_updated_at,
                stored_at = excluded.stored_at
            """,
            .text(record.barcode.digits), .text(record.variant.rawValue), .text(record.relativePath),
            .text(record.sha256), .integer(record.bytes), .text(record.contentType), .text(record.productUpdatedAt),
            .integer(record.storedAt.value))
    }

    /// Removes the index row of `barcode`'s `variant`; returns whether there was one.
    @discardableResult
    public func deleteImage(_ barcode: Barcode, variant: ImageVariant) throws -> Bool {
        changes.record(barcode)
        return try sqlite.run(
            "DELETE FROM images WHERE barcode = ? AND variant = ?", .text(barcode.digits), .text(variant.rawValue)) > 0
    }
}
