import Core

extension ReadableConnection {
    /// The index row of `barcode`'s `variant`, or `nil`.
    public func image(_ barcode: Barcode, variant: ImageVariant) throws -> ImageRecord? {
        let statement = try sqlite.cached("\(Self.imageColumns) WHERE barcode = ? AND variant = ?")
        defer { statement.reset() }
        try statement.bind([.text(barcode.digits), .text(variant.rawValue)])
        return try statement.step() ? Self.imageRecord(statement) : nil
    }

    /// Every index row of `barcode`, in API order of the variants.
    public func images(for barcode: Barcode) throws -> [ImageRecord] {
        let statement = try sqlite.cached("\(Self.imageColumns) WHERE barcode = ?")
        defer { statement.reset() }
        try statement.bind([.text(barcode.digits)])
        var records: [ImageRecord] = []
        while try statement.step() { records.append(Self.imageRecord(statement)) }
        return records.sorted { $0.variant < $1.variant }
    }

    /// The whole image index, by barcode then variant (for ``ImageStore/verify(index:)``).
    public func allImages() throws -> [ImageRecord] {
        let statement = try sqlite.cached("\(Self.imageColumns) ORDER BY barcode")
        defer { statement.reset() }
        var records: [ImageRecord] = []
        while try statement.step() { records.append(Self.imageRecord(statement)) }
        return records.sorted { ($0.barcode, $0.variant) < ($1.barcode, $1.variant) }
    }

    static var imageColumns: String {
        """
        SELECT barcode, variant, path, sha256, bytes, content_type, product_updated_at, stored_at FROM images
        """
    }

    static func imageRecord(_ statement: SQLiteStatement) -> ImageRecord {
        ImageRecord(
            barcode: Barcode(trustedCanonical: statement.text(0)),
            variant: ImageVariant(rawValue: statement.text(1)) ?? .front, relativePath: statement.text(2),
            sha256: statement.text(3), bytes: statement.int64(4), contentType: statement.text(5),
            productUpdatedAt: statement.text(6), storedAt: UnixMillis(statement.int64(7)))
    }
}
