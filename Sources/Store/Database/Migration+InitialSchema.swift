extension Migration {
    /// Version 1: the product cache, negative entries, image index, scan counts, sync state, runs and
    /// queue, the token store and the daily spend ledger. Rowid tables throughout (smaller files).
    static let initialSchema = Migration(
        version: 1, name: "initial schema",
        sql: """
            CREATE TABLE products (
                barcode TEXT PRIMARY KEY NOT NULL,
                product_meta TEXT NOT NULL,
                image_meta TEXT,
                updated_at TEXT NOT NULL,
                fetched_at INTEGER NOT NULL,
                variants TEXT,
                source TEXT NOT NULL CHECK (source IN ('live', 'sync'))
            );
            CREATE INDEX products_fetched_at ON products (fetched_at);

            CREATE TABLE negatives (
                barcode TEXT PRIMARY KEY NOT NULL,
                checked_at INTEGER NOT NULL,
                reason TEXT NOT NULL CHECK (reason IN ('not_found', 'bulk_check'))
            );
            CREATE INDEX negatives_checked_at ON negatives (checked_at);

            CREATE TABLE images (
                barcode TEXT NOT NULL REFERENCES products (barcode) ON DELETE CASCADE,
                variant TEXT NOT NULL CHECK (variant IN ('front', 'back', 'front_clean', 'back_clean')),
                path TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                bytes INTEGER NOT NULL,
                content_type TEXT NOT NULL,
                product_updated_at TEXT NOT NULL,
                stored_at INTEGER NOT NULL,
                PRIMARY KEY (barcode, variant)
            );

            CREATE TABLE scan_counts (
                barcode TEXT PRIMARY KEY NOT NULL,
                count INTEGER NOT NULL,
                last_scanned_at INTEGER NOT NULL
            );
            CREATE INDEX scan_counts_count ON scan_counts (count DESC, barcode);

            CREATE TABLE sync_state (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL,
                updated_at INTEGER NOT NULL
            );

            CREATE TABLE sync_runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                mode TEXT NOT NULL CHECK (mode IN ('delta', 'full', 'barcodes')),
                state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'paused')),
                reason TEXT,
                total INTEGER NOT NULL DEFAULT 0,
                done INTEGER NOT NULL DEFAULT 0,
                failed_items INTEGER NOT NULL DEFAULT 0,
                credits_spent INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL,
                started_at INTEGER,
                finished_at INTEGER,
                watermark_candidate TEXT,
                requested_barcodes TEXT
            );
            CREATE INDEX sync_runs_state ON sync_runs (state, id);

            CREATE TABLE sync_queue (
                run_id INTEGER NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
                barcode TEXT NOT NULL,
                priority INTEGER NOT NULL DEFAULT 0,
                state TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'done', 'failed', 'failed_permanent')),
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (run_id, barcode)
            );
            CREATE INDEX sync_queue_next ON sync_queue (run_id, state, priority DESC, barcode);

            CREATE TABLE tokens (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                access_token TEXT,
                access_expires_at INTEGER,
                refresh_token TEXT,
                refresh_in_flight INTEGER NOT NULL DEFAULT 0,
                updated_at INTEGER NOT NULL
            );

            CREATE TABLE daily_spend (
                day TEXT PRIMARY KEY NOT NULL,
                credits INTEGER NOT NULL
            );
            """)
}
