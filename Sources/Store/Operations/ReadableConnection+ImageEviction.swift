import Core

extension ReadableConnection {
    /// The bytes of every indexed image together.
    public func imageBytesTotal() throws -> Int64 {
        let statement = try sqlite.cached("SELECT coalesce(sum(bytes), 0) FROM images")
        defer { statement.reset() }
        return try statement.step() ? statement.int64(0) : 0
    }

    /// The variants of `barcode` the image-store cap evicted and nothing has stored again since.
    public func evictedVariants(for barcode: Barcode) throws -> [ImageVariant] {
        let statement = try sqlite.cached("SELECT variant FROM evicted_images WHERE barcode = ?")
        defer { statement.reset() }
        try statement.bind([.text(barcode.digits)])
        var variants: [ImageVariant] = []
        while try statement.step() {
            if let variant = ImageVariant(rawValue: statement.text(0)) { variants.append(variant) }
        }
        return variants.sorted()
    }
}
