import Core

extension ReadableConnection {
    /// The cached record of `barcode`, or `nil`.
    public func product(_ barcode: Barcode) throws -> ProductRecord? {
        let statement = try sqlite.cached(
            """
            SELECT barcode, product_meta, image_meta, updated_at, fetched_at, variants, source, validated_at
            FROM products WHERE barcode = ?
            """)
        defer { statement.reset() }
        try statement.bind([.text(barcode.digits)])
        guard try statement.step() else { return nil }
        return Self.productRecord(statement)
    }

    /// Barcodes whose metadata is stale at `now` (validated at least `ttl` ago), oldest first.
    public func staleProducts(at now: UnixMillis, ttl: Duration, limit: Int) throws -> [Barcode] {
        let cutoff = now.value - ttl.wholeMilliseconds
        let statement = try sqlite.cached(
            "SELECT barcode FROM products WHERE validated_at <= ? ORDER BY validated_at, barcode LIMIT ?")
        defer { statement.reset() }
        try statement.bind([.integer(cutoff), .int(limit)])
        var barcodes: [Barcode] = []
        while try statement.step() { barcodes.append(Barcode(trustedCanonical: statement.text(0))) }
        return barcodes
    }

    /// Cached barcodes known to be out of date (``WriteConnection/markOutdated(_:)``).
    public func outdatedBarcodes() throws -> [Barcode] {
        let statement = try sqlite.cached("SELECT barcode FROM products WHERE validated_at = 0 ORDER BY barcode")
        defer { statement.reset() }
        var barcodes: [Barcode] = []
        while try statement.step() { barcodes.append(Barcode(trustedCanonical: statement.text(0))) }
        return barcodes
    }

    /// Upstream's `updated_at` of every cached barcode in `barcodes` (absent ones are left out), so a
    /// sync can skip products whose listing shows the version it already has.
    public func cachedUpdatedAt(for barcodes: some Sequence<Barcode>) throws -> [Barcode: String] {
        let statement = try sqlite.cached("SELECT updated_at FROM products WHERE barcode = ?")
        defer { statement.reset() }
        var found: [Barcode: String] = [:]
        for barcode in barcodes {
            statement.reset()
            try statement.bind([.text(barcode.digits)])
            if try statement.step() { found[barcode] = statement.text(0) }
        }
        return found
    }

    /// Decodes the columns `barcode, product_meta, image_meta, updated_at, fetched_at, variants, source,
    /// validated_at`.
    static func productRecord(_ statement: SQLiteStatement) -> ProductRecord {
        ProductRecord(
            barcode: Barcode(trustedCanonical: statement.text(0)), productMeta: statement.text(1),
            imageMeta: statement.optionalText(2), updatedAt: statement.text(3),
            fetchedAt: UnixMillis(statement.int64(4)), validatedAt: UnixMillis(statement.int64(7)),
            variantsAvailable: VariantList.decode(statement.optionalText(5)),
            source: ProductSource(rawValue: statement.text(6)) ?? .sync)
    }
}
