extension Migration {
    /// What a full refresh's listing showed of the cached products, page by page, so that at its
    /// end "cached but not listed" (deleted upstream: asked for, a 404 is free) is told apart from
    /// "listed and current" (nothing to buy). Emptied when the listing completes.
    static let fullListing = Migration(
        version: 7, name: "full listing",
        sql: """
            CREATE TABLE sync_listed (
                run_id INTEGER NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
                barcode TEXT NOT NULL,
                PRIMARY KEY (run_id, barcode)
            ) WITHOUT ROWID;
            """)
}
