/// The cache figures `storesync status` shows.
public struct CacheStats: Sendable, Hashable, Codable {
    /// Cached product records.
    public var products: Int
    /// Negative entries.
    public var negatives: Int
    /// Indexed image files.
    public var images: Int
    /// Sum of the indexed image sizes.
    public var imageBytes: Int64

    public init(products: Int, negatives: Int, images: Int, imageBytes: Int64) {
        self.products = products
        self.negatives = negatives
        self.images = images
        self.imageBytes = imageBytes
    }

    /// The status document's `cache` block: `{"products", "negative", "images", "image_bytes"}`.
    enum CodingKeys: String, CodingKey {
        case products, negatives = "negative", images, imageBytes
    }
}
