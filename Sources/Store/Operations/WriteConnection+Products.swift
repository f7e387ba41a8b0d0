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
            INSERT INTO products
                (barcode, product_meta, image_meta, updated_at, fetched_at, variants, source, validated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (barcode) DO UPDATE SET
                product_meta = excluded.product_meta, image_meta = excluded.image_meta,
                updated_at = excluded.updated_at, fetched_at = excluded.fetched_at,
                variants = excluded.variants, source = excluded.source, validated_at = excluded.validated_at
            """,
            .text(record.barcode.digits), .text(record.productMeta), .text(record.imageMeta), .text(record.updatedAt),
            .integer(record.fetchedAt.value), .text(VariantList.encode(record.variantsAvailable)),
            .text(record.source.rawValue), .integer(record.validatedAt.value))
        try sqlite.run("DELETE FROM negatives WHERE barcode = ?", .text(record.barcode.digits))
        changes.record(record.barcode)
    }

    /// Deletes the record of `barcode` and its image index rows; returns the image rows removed, so
    /// the caller can delete their files (``ImageStore/remove(barcode:variant:)``).
    @discardableResult
    public func deleteProduct(_ barcode: Barcode) throws -> [ImageRecord] {
        let images = try self.images(for: barcode)
        try sqlite.run("DELETE FROM products WHERE barcode = ?", .text(barcode.digits))
        changes.record(barcode)
        return images
    }

    /// Marks the record of `barcode` as shown by upstream to be out of date (a listing showed a newer
    /// version that is not bought now): it answers `stale` until it is fetched again. Returns whether
    /// a record existed.
    @discardableResult
    public func markOutdated(_ barcode: Barcode) throws -> Bool {
        changes.record(barcode)
        return try sqlite.run("UPDATE products SET validated_at = 0 WHERE barcode = ?", .text(barcode.digits)) > 0
    }

    /// A complete listing of the changes since `since` started at `listedFrom` and did not show these
    /// products: every cached record validated at or after `since` (so nothing in between went
    /// unseen) is current as of `listedFrom`, except the barcodes queued by run `runID` (the listing
    /// showed them; their fetch validates them). Returns how many records were validated.
    ///
    /// It retires no kept answer: it only moves `validated_at` forward (a stale record becomes fresh,
    /// a fresh one stays fresh longer), no answer's bytes show `validated_at`, and a kept answer is
    /// reused only within the TTL of the `validated_at` it was encoded from.
    @discardableResult
    public func validateUnlisted(since: UnixMillis, listedFrom: UnixMillis, exceptQueuedBy runID: Int64) throws -> Int {
        try sqlite.run(
            """
            UPDATE products SET validated_at = ?1
            WHERE validated_at < ?1 AND validated_at >= ?2 AND validated_at > 0
              AND barcode NOT IN (SELECT barcode FROM sync_queue WHERE run_id = ?3)
            """,
            .integer(listedFrom.value), .integer(since.value), .integer(runID))
    }

    /// Records which variants upstream has for `barcode` (from the listing or a bulk-check), on an
    /// existing record only. Returns whether a record existed.
    @discardableResult
    public func setVariantsAvailable(_ variants: [ImageVariant]?, for barcode: Barcode) throws -> Bool {
        changes.record(barcode)
        return try sqlite.run(
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
