extension Migration {
    /// Sync details a resumed run needs: per queued item the variants and `updated_at` the listing or
    /// bulk-check reported (so a fetch asks only for variants that exist, and a product fetched
    /// meanwhile is recognised as current); per run its phase, the listing's keyset cursor and when a
    /// paused run resumes. Numbered after the initial schema; renumber at merge if another migration
    /// lands first.
    static let syncDetails = Migration(
        version: 2, name: "sync run details",
        sql: """
            ALTER TABLE sync_queue ADD COLUMN variants TEXT;
            ALTER TABLE sync_queue ADD COLUMN listed_updated_at TEXT;
            ALTER TABLE sync_runs ADD COLUMN phase TEXT;
            ALTER TABLE sync_runs ADD COLUMN cursor_since TEXT;
            ALTER TABLE sync_runs ADD COLUMN cursor_page INTEGER;
            ALTER TABLE sync_runs ADD COLUMN resume_at INTEGER;
            """)
}
