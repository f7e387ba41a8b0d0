extension Migration {
    /// Version 8: a negative entry may also say `scope_forbidden` (the barcode is outside the
    /// client's brand scope: `403 scope_forbidden`), so a scan of such a product does not ask
    /// upstream again until the entry expires or an operator's resync. SQLite cannot change a
    /// CHECK constraint in place: the table is rebuilt, every row kept.
    static let scopeForbidden = Migration(
        version: 8, name: "scope forbidden negatives",
        sql: """
            CREATE TABLE negatives_new (
                barcode TEXT PRIMARY KEY NOT NULL,
                checked_at INTEGER NOT NULL,
                reason TEXT NOT NULL CHECK (reason IN ('not_found', 'bulk_check', 'scope_forbidden'))
            );
            INSERT INTO negatives_new (barcode, checked_at, reason)
                SELECT barcode, checked_at, reason FROM negatives;
            DROP TABLE negatives;
            ALTER TABLE negatives_new RENAME TO negatives;
            CREATE INDEX negatives_checked_at ON negatives (checked_at);
            """)
}
