import Core

/// A cached product and its stored images, read in one statement for the lookup hot path.
public struct HotProduct: Sendable, Hashable {
    public var barcode: Barcode
    /// The `product_meta` JSON text exactly as stored (write it into the answer as is).
    public var productMeta: String
    /// The `image_meta` JSON text, if stored.
    public var imageMeta: String?
    /// Upstream's `updated_at` text.
    public var updatedAt: String
    public var fetchedAt: UnixMillis
    /// See ``ProductRecord/validatedAt``: what `stale` is measured from.
    public var validatedAt: UnixMillis
    public var variantsAvailable: [ImageVariant]?
    public var source: ProductSource
    /// Stored images in API order (`front`, `back`, `front_clean`, `back_clean`); only stored ones.
    public var images: [HotImage]
    /// Whether the image-store cap evicted an image of it (a scan buys it again).
    public var hasEvictedImages: Bool

    public init(
        barcode: Barcode, productMeta: String, imageMeta: String?, updatedAt: String, fetchedAt: UnixMillis,
        validatedAt: UnixMillis? = nil, variantsAvailable: [ImageVariant]?, source: ProductSource, images: [HotImage],
        hasEvictedImages: Bool = false
    ) {
        self.hasEvictedImages = hasEvictedImages
        self.barcode = barcode
        self.productMeta = productMeta
        self.imageMeta = imageMeta
        self.updatedAt = updatedAt
        self.fetchedAt = fetchedAt
        self.validatedAt = validatedAt ?? fetchedAt
        self.variantsAvailable = variantsAvailable
        self.source = source
        self.images = images
    }

    /// Whether no validation happened within `ttl` (see ``ProductRecord/isStale(at:ttl:)``).
    public func isStale(at now: UnixMillis, ttl: Duration) -> Bool {
        ProductRecord.isStale(validatedAt: validatedAt, at: now, ttl: ttl)
    }

    /// The stored image of `variant`, if any.
    public func image(_ variant: ImageVariant) -> HotImage? { images.first { $0.variant == variant } }
}
