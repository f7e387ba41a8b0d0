import Core

extension WriteConnection {
    /// Remembers that run `runID`'s listing showed these cached products.
    public func recordListed(_ runID: Int64, _ barcodes: some Sequence<Barcode>) throws {
        for barcode in barcodes {
            try sqlite.run(
                "INSERT OR IGNORE INTO sync_listed (run_id, barcode) VALUES (?, ?)", .integer(runID),
                .text(barcode.digits))
        }
    }

    /// Cached products run `runID` neither queued nor saw listed: for a complete full listing, the
    /// ones upstream no longer has. Forgets what the run recorded as listed.
    public func takeUnlisted(_ runID: Int64) throws -> [Barcode] {
        let statement = try sqlite.cached(
            """
            SELECT barcode FROM products
            WHERE barcode NOT IN (SELECT barcode FROM sync_queue WHERE run_id = ?1)
              AND barcode NOT IN (SELECT barcode FROM sync_listed WHERE run_id = ?1)
            ORDER BY barcode
            """)
        var barcodes: [Barcode] = []
        do {
            defer { statement.reset() }
            try statement.bind([.integer(runID)])
            while try statement.step() { barcodes.append(Barcode(trustedCanonical: statement.text(0))) }
        }
        try sqlite.run("DELETE FROM sync_listed WHERE run_id = ?", .integer(runID))
        return barcodes
    }
}
