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
    /// When storesync received the record (local clock). Drives the metadata TTL.
    public var fetchedAt: UnixMillis
    /// The variants upstream has for this product (from the listing or a bulk-check), if known;
    /// kept without duplicates in API order (`front`, `back`, `front_clean`, `back_clean`).
    public var variantsAvailable: [ImageVariant]? {
        didSet { variantsAvailable = VariantList.normalize(variantsAvailable) }
    }
    /// Which path fetched it.
    public var source: ProductSource

    public init(
        barcode: Barcode, productMeta: String, imageMeta: String? = nil, updatedAt: String,
        fetchedAt: UnixMillis, variantsAvailable: [ImageVariant]? = nil, source: ProductSource
    ) {
        self.barcode = barcode
        self.productMeta = productMeta
        self.imageMeta = imageMeta
        self.updatedAt = updatedAt
        self.fetchedAt = fetchedAt
        self.variantsAvailable = VariantList.normalize(variantsAvailable)
        self.source = source
    }

    /// Whether the record is older than `ttl` at `now` (an age equal to the TTL is stale).
    public func isStale(at now: UnixMillis, ttl: Duration) -> Bool {
        ProductRecord.isStale(fetchedAt: fetchedAt, at: now, ttl: ttl)
    }

    /// The staleness rule shared by records and the hot path: `now − fetchedAt ≥ ttl`.
    public static func isStale(fetchedAt: UnixMillis, at now: UnixMillis, ttl: Duration) -> Bool {
        now.value - fetchedAt.value >= UnixMillis.milliseconds(of: ttl)
    }
}
