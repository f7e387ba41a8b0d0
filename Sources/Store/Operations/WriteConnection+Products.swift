import Core

extension WriteConnection {
    /// Inserts or replaces the record of `record.barcode` (its image index rows stay), and removes a
    /// negative entry for it: a barcode upstream just returned is not unknown any more.
    ///
    /// `productMeta` and `imageMeta` must be valid JSON (they are stored as given and later written
    /// verbatim into answers); anything else throws ``StoreError/invalidJSON(field:barcode:cause:)``.
    public func saveProduct(_ record: ProductRecord) throws {
        try Self.checkJSON(record.productMeta, field: "product_meta", barcode: record.barcode)
        if let imageMeta = record.imageMeta {
            try Self.checkJSON(imageMeta, field: "image_meta", barcode: record.barcode)
        }
        try sqlite.run(
            """
            INSERT INTO products (barcode, product_meta, image_meta, updated_at, fetched_at, variants, source)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (barcode) DO UPDATE SET
                product_meta = excluded.product_meta, image_meta = excluded.image_meta,
                updated_at = excluded.updated_at, fetched_at = excluded.fetched_at,
                variants = excluded.variants, source = excluded.source
            """,
            .text(record.barcode.digits), .text(record.productMeta), .text(record.imageMeta), .text(record.updatedAt),
            .integer(record.fetchedAt.value), .text(VariantList.encode(record.variantsAvailable)),
            .text(record.source.rawValue))
        try sqlite.run("DELETE FROM negatives WHERE barcode = ?", .text(record.barcode.digits))
    }

    /// Deletes the record of `barcode` and its image index rows; returns the image rows removed, so
    /// the caller can delete their files (``ImageStore/remove(barcode:variant:)``).
    @discardableResult
    public func deleteProduct(_ barcode: Barcode) throws -> [ImageRecord] {
        let images = try self.images(for: barcode)
        try sqlite.run("DELETE FROM products WHERE barcode = ?", .text(barcode.digits))
        return images
    }

    /// Marks the record of `barcode` fresh as of `fetchedAt` (upstream confirmed it unchanged).
    /// Returns whether a record existed.
    @discardableResult
    public func touchProduct(_ barcode: Barcode, fetchedAt: UnixMillis) throws -> Bool {
        try sqlite.run(
            "UPDATE products SET fetched_at = ? WHERE barcode = ?", .integer(fetchedAt.value), .text(barcode.digits)
        ) > 0
    }

    /// Records which variants upstream has for `barcode` (from the listing or a bulk-check), on an
    /// existing record only. Returns whether a record existed.
    @discardableResult
    public func setVariantsAvailable(_ variants: [ImageVariant]?, for barcode: Barcode) throws -> Bool {
        try sqlite.run(
            "UPDATE products SET variants = ? WHERE barcode = ?", .text(VariantList.encode(variants)),
            .text(barcode.digits)) > 0
    }

    private static func checkJSON(_ text: String, field: String, barcode: Barcode) throws {
        do {
            _ = try JSONValue(parsing: text)
        } catch {
            throw StoreError.invalidJSON(field: field, barcode: barcode.digits, cause: error.description)
        }
    }
}
