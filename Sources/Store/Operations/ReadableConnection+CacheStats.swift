extension ReadableConnection {
    /// Products, negative entries, indexed images and their total bytes (for status).
    public func cacheStats() throws -> CacheStats {
        let statement = try sqlite.cached(
            """
            SELECT (SELECT count(*) FROM products), (SELECT count(*) FROM negatives),
                   (SELECT count(*) FROM images), (SELECT coalesce(sum(bytes), 0) FROM images)
            """)
        defer { statement.reset() }
        _ = try statement.step()
        return CacheStats(
            products: statement.int(0), negatives: statement.int(1), images: statement.int(2),
            imageBytes: statement.int64(3))
    }
}
