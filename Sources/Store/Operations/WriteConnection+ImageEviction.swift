import Core

extension WriteConnection {
    /// Removes image index rows until the indexed images total at most `maxBytes`, least recently
    /// scanned first (never-scanned products first, then the oldest `stored_at`), never an image of
    /// `sparing` (products being fetched now).
    /// Each removed variant is remembered in `evicted_images` (see ``evictedVariants(for:)``).
    /// Returns the removed rows: their files are the caller's to delete after the transaction.
    public func evictImages(
        toFit maxBytes: Int64, sparing: Set<Barcode>, at now: UnixMillis
    ) throws -> [ImageRecord] {
        var total = try imageBytesTotal()
        guard total > maxBytes else { return [] }
        let candidates = try sqlite.cached(
            """
            SELECT i.barcode, i.variant, i.path, i.sha256, i.bytes, i.content_type, i.product_updated_at,
                   i.stored_at
            FROM images i LEFT JOIN scan_counts s ON s.barcode = i.barcode
            ORDER BY coalesce(s.last_scanned_at, -1), i.stored_at, i.barcode, i.variant
            """)
        var victims: [ImageRecord] = []
        do {
            defer { candidates.reset() }
            while total > maxBytes, try candidates.step() {
                let record = Self.imageRecord(candidates)
                if sparing.contains(record.barcode) { continue }
                victims.append(record)
                total -= record.bytes
            }
        }
        for victim in victims {
            try deleteImage(victim.barcode, variant: victim.variant)
            try sqlite.run(
                """
                INSERT INTO evicted_images (barcode, variant, evicted_at) VALUES (?, ?, ?)
                ON CONFLICT (barcode, variant) DO UPDATE SET evicted_at = excluded.evicted_at
                """,
                .text(victim.barcode.digits), .text(victim.variant.rawValue), .integer(now.value))
        }
        return victims
    }

    /// Forgets the evictions of `barcode` (its product was fetched again: its images are what that
    /// fetch brings).
    public func clearEvictedImages(_ barcode: Barcode) throws {
        try sqlite.run("DELETE FROM evicted_images WHERE barcode = ?", .text(barcode.digits))
    }
}
