import Core

/// Synchronous cache reads for the hot path. One reader belongs to one event loop and is used only
/// on it (a read-only SQLite connection with prepared statements): no hop to Swift concurrency and
/// no statement preparation on a cache hit.
public protocol CacheReader: AnyObject {
    /// The cached product and its stored images, or `nil`.
    func product(_ barcode: Barcode) -> ProductView?
    /// When upstream last said it does not know `barcode` (unix milliseconds), or `nil`.
    func negativeCheckedAt(_ barcode: Barcode) -> Int64?
}

/// A cached product as the socket answers it.
public struct ProductView: Sendable {
    /// Canonical digits.
    public var barcode: String
    /// Upstream's `product_meta`, the exact JSON text it sent.
    public var productMetaJSON: String
    /// Upstream's `updated_at` text.
    public var updatedAt: String
    /// When it was fetched, unix milliseconds.
    public var fetchedAtMillis: Int64
    /// The stored image variants.
    public var images: [ImageView]

    public init(
        barcode: String, productMetaJSON: String, updatedAt: String, fetchedAtMillis: Int64, images: [ImageView]
    ) {
        self.barcode = barcode
        self.productMetaJSON = productMetaJSON
        self.updatedAt = updatedAt
        self.fetchedAtMillis = fetchedAtMillis
        self.images = images
    }
}

/// A stored image as the socket answers it.
public struct ImageView: Sendable {
    public var variant: ImageVariant
    /// Path under the state directory (`images/017/017000161563/front.jpg`).
    public var relativePath: String
    public var sha256: String
    public var bytes: Int
    public var contentType: String

    public init(variant: ImageVariant, relativePath: String, sha256: String, bytes: Int, contentType: String) {
        self.variant = variant
        self.relativePath = relativePath
        self.sha256 = sha256
        self.bytes = bytes
        self.contentType = contentType
    }
}
