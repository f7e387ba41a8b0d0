extension Migration {
    /// Version 2: the Retagly shelf push. `shelf_outbox` holds every accepted change until Retagly
    /// confirmed it; `shelf_products` what storesync knows per barcode (whether Retagly has it, the
    /// last state delivered, a blocking item error, when the POS last set each field);
    /// `shelf_sessions` and `shelf_session_items` the batch sessions and what each carried, so a
    /// restart resumes following a session instead of sending it again; `shelf_state` small values
    /// such as the last full catalog push.
    static let shelfOutbox = Migration(
        version: 3, name: "shelf outbox",
        sql: """
            CREATE TABLE shelf_outbox (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                barcode TEXT NOT NULL,
                change TEXT NOT NULL,
                source TEXT NOT NULL CHECK (source IN ('pos', 'catalog')),
                accepted_at INTEGER NOT NULL
            );
            CREATE INDEX shelf_outbox_barcode ON shelf_outbox (barcode, seq);

            CREATE TABLE shelf_products (
                barcode TEXT PRIMARY KEY NOT NULL,
                known INTEGER NOT NULL DEFAULT 0,
                delivered TEXT,
                delivered_seq INTEGER NOT NULL DEFAULT 0,
                delivered_at INTEGER,
                error TEXT,
                error_seq INTEGER,
                error_at INTEGER,
                name_at INTEGER,
                price_at INTEGER,
                stock_at INTEGER,
                on_sale_at INTEGER,
                sale_price_at INTEGER
            );
            CREATE INDEX shelf_products_error ON shelf_products (error_at) WHERE error IS NOT NULL;

            CREATE TABLE shelf_sessions (
                session_id TEXT PRIMARY KEY NOT NULL,
                status TEXT NOT NULL
                    CHECK (status IN ('open', 'processing', 'completed', 'failed', 'expired', 'abandoned')),
                phase TEXT,
                products INTEGER NOT NULL,
                tags_confirmed INTEGER,
                tags_total INTEGER,
                started_at INTEGER NOT NULL,
                completed_at INTEGER,
                finished_at INTEGER,
                message TEXT
            );
            CREATE INDEX shelf_sessions_started ON shelf_sessions (started_at);

            CREATE TABLE shelf_session_items (
                session_id TEXT NOT NULL REFERENCES shelf_sessions (session_id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                barcode TEXT NOT NULL,
                through_seq INTEGER NOT NULL,
                sent TEXT NOT NULL,
                as_new INTEGER NOT NULL,
                PRIMARY KEY (session_id, position)
            );

            CREATE TABLE shelf_state (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            );
            """)
}
