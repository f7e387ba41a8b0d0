import Core

/// One row of the image index: a stored image file and what it belongs to.
public struct ImageRecord: Sendable, Hashable {
    public var barcode: Barcode
    public var variant: ImageVariant
    /// Path under the image root, e.g. `017/017000161563/front.jpg`.
    public var relativePath: String
    /// Lower-case hex SHA-256 of the file's bytes (the socket's `ETag`).
    public var sha256: String
    /// File size in bytes.
    public var bytes: Int64
    /// Media type as delivered (`image/jpeg`, `image/png`).
    public var contentType: String
    /// The product's upstream `updated_at` this image was fetched for (a newer one means refetch).
    public var productUpdatedAt: String
    /// When the file was stored (local clock).
    public var storedAt: UnixMillis

    public init(
        barcode: Barcode, variant: ImageVariant, relativePath: String, sha256: String, bytes: Int64,
        contentType: String, productUpdatedAt: String, storedAt: UnixMillis
    ) {
        self.barcode = barcode
        self.variant = variant
        self.relativePath = relativePath
        self.sha256 = sha256
        self.bytes = bytes
        self.contentType = contentType
        self.productUpdatedAt = productUpdatedAt
        self.storedAt = storedAt
    }

    /// The index row for a file ``ImageStore/store(_:barcode:variant:)`` just wrote.
    public init(
        stored: StoredImage, barcode: Barcode, variant: ImageVariant, contentType: String? = nil,
        productUpdatedAt: String, storedAt: UnixMillis
    ) {
        self.init(
            barcode: barcode, variant: variant, relativePath: stored.relativePath, sha256: stored.sha256,
            bytes: Int64(stored.bytes), contentType: contentType ?? variant.contentType,
            productUpdatedAt: productUpdatedAt, storedAt: storedAt)
    }
}
