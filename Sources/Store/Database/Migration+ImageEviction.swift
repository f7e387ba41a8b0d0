extension Migration {
    /// Version 6: images evicted by the image-store cap (`storage.max_image_bytes`). A row says the
    /// variant was stored and deliberately removed: the sync does not buy it again for being missing,
    /// a scan of its product does (and storing the image again removes the row). Rows go with their
    /// product.
    static let imageEviction = Migration(
        version: 6, name: "image eviction",
        sql: """
            CREATE TABLE evicted_images (
                barcode TEXT NOT NULL REFERENCES products (barcode) ON DELETE CASCADE,
                variant TEXT NOT NULL CHECK (variant IN ('front', 'back', 'front_clean', 'back_clean')),
                evicted_at INTEGER NOT NULL,
                PRIMARY KEY (barcode, variant)
            );
            CREATE INDEX images_stored_at ON images (stored_at);
            """)
}
