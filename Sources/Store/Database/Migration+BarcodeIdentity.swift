extension Migration {
    /// Version 4: barcode identity on the shelf. The shelf tables key a product by the digits the
    /// store used (its identity toward Retagly; rows written before hold the canonical digits, which
    /// is what was sent for them), and Retagly's `unit` joins the fields whose last POS change the
    /// daily catalog push must not override (`unit_at`). Renumber at merge if another migration lands
    /// first.
    static let barcodeIdentity = Migration(
        version: 5, name: "barcode identity",
        sql: """
            ALTER TABLE shelf_products ADD COLUMN unit_at INTEGER;
            """)
}
