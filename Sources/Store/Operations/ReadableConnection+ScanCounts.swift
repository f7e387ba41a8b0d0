import Core

extension ReadableConnection {
    /// The `limit` most scanned barcodes, most first (ties by barcode).
    public func topScanned(limit: Int) throws -> [ScanCount] {
        let statement = try sqlite.cached(
            "SELECT barcode, count, last_scanned_at FROM scan_counts ORDER BY count DESC, barcode LIMIT ?")
        defer { statement.reset() }
        try statement.bind([.int(limit)])
        var counts: [ScanCount] = []
        while try statement.step() {
            counts.append(
                ScanCount(
                    barcode: Barcode(trustedCanonical: statement.text(0)), count: statement.int(1),
                    lastScannedAt: UnixMillis(statement.int64(2))))
        }
        return counts
    }

    /// The scan count of each barcode in `barcodes` that was ever scanned (others are left out).
    public func scanCounts(for barcodes: some Sequence<Barcode>) throws -> [Barcode: Int] {
        try scans(for: barcodes).mapValues(\.count)
    }

    /// The scan record of each barcode in `barcodes` that was ever scanned (others are left out).
    public func scans(for barcodes: some Sequence<Barcode>) throws -> [Barcode: ScanCount] {
        let statement = try sqlite.cached("SELECT count, last_scanned_at FROM scan_counts WHERE barcode = ?")
        defer { statement.reset() }
        var scans: [Barcode: ScanCount] = [:]
        for barcode in barcodes {
            statement.reset()
            try statement.bind([.text(barcode.digits)])
            if try statement.step() {
                scans[barcode] = ScanCount(
                    barcode: barcode, count: statement.int(0), lastScannedAt: UnixMillis(statement.int64(1)))
            }
        }
        return scans
    }
}
