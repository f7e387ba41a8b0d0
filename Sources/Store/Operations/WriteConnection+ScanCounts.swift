import Core

extension WriteConnection {
    /// Adds a batch of counts (the socket counts scans in memory and flushes them here).
    public func addScanCounts(_ counts: [Barcode: Int], at now: UnixMillis) throws {
        for (barcode, count) in counts where count > 0 {
            try sqlite.run(
                """
                INSERT INTO scan_counts (barcode, count, last_scanned_at) VALUES (?, ?, ?)
                ON CONFLICT (barcode) DO UPDATE SET
                    count = count + excluded.count, last_scanned_at = max(last_scanned_at, excluded.last_scanned_at)
                """,
                .text(barcode.digits), .int(count), .integer(now.value))
        }
    }
}
