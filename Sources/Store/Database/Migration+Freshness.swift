extension Migration {
    /// Freshness follows what was proved, not when a record was bought: `products.validated_at` is
    /// the last instant upstream was shown to hold this record's version (a fetch, or a complete
    /// listing that did not show the product); `0` means a listing showed a newer version that was
    /// not bought. `sync_runs.listed_from` is when the run's listing started (local clock).
    static let freshness = Migration(
        version: 4, name: "freshness",
        sql: """
            ALTER TABLE products ADD COLUMN validated_at INTEGER NOT NULL DEFAULT 0;
            UPDATE products SET validated_at = fetched_at;
            CREATE INDEX products_validated_at ON products (validated_at);
            ALTER TABLE sync_runs ADD COLUMN listed_from INTEGER;
            """)
}
