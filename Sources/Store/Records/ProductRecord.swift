import Core

/// One cached product: the upstream record as received, and when and how it was fetched.
public struct ProductRecord: Sendable, Hashable {
    /// The canonical barcode (the key).
    public var barcode: Barcode
    /// The `product_meta` object as JSON text, stored whole and byte for byte as given.
    public var productMeta: String
    /// The `image_meta` object as JSON text, when it was asked for.
    public var imageMeta: String?
    /// Upstream's `updated_at`, as upstream wrote it (compared as text, never reformatted).
    public var updatedAt: String
    /// When storesync received the record (local clock).
    public var fetchedAt: UnixMillis
    /// The last instant upstream was shown to hold this version (local clock): the fetch itself, or
    /// the start of a complete listing that did not show the product. Drives the metadata TTL;
    /// `0` when a listing showed a newer version that was not bought.
    public var validatedAt: UnixMillis
    /// The variants upstream has for this product (from the listing or a bulk-check), if known;
    /// kept without duplicates in API order (`front`, `back`, `front_clean`, `back_clean`).
    public var variantsAvailable: [ImageVariant]? {
        didSet { variantsAvailable = VariantList.normalize(variantsAvailable) }
    }
    /// Which path fetched it.
    public var source: ProductSource

    public init(
        barcode: Barcode, productMeta: String, imageMeta: String? = nil, updatedAt: String,
        fetchedAt: UnixMillis, validatedAt: UnixMillis? = nil, variantsAvailable: [ImageVariant]? = nil,
        source: ProductSource
    ) {
        self.barcode = barcode
        self.productMeta = productMeta
        self.imageMeta = imageMeta
        self.updatedAt = updatedAt
        self.fetchedAt = fetchedAt
        self.validatedAt = validatedAt ?? fetchedAt
        self.variantsAvailable = VariantList.normalize(variantsAvailable)
        self.source = source
    }

    /// Whether no validation happened within `ttl` before `now` (an age equal to the TTL is stale).
    public func isStale(at now: UnixMillis, ttl: Duration) -> Bool {
        ProductRecord.isStale(validatedAt: validatedAt, at: now, ttl: ttl)
    }

    /// The staleness rule shared by records and the hot path: `now − validatedAt ≥ ttl`.
    public static func isStale(validatedAt: UnixMillis, at now: UnixMillis, ttl: Duration) -> Bool {
        now.value - validatedAt.value >= ttl.wholeMilliseconds
    }
}
