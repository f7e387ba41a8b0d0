import Core

/// Image bytes downloaded and checked, ready for the image store.
public struct DownloadedImage: Sendable {
    public var barcode: Barcode
    public var variant: ImageVariant
    public var bytes: [UInt8]
    /// Lowercase hex SHA-256 of ``bytes``.
    public var sha256: String
    /// `image/jpeg` or `image/png`.
    public var contentType: String
    /// Pixels across (from the JPEG frame header or PNG `IHDR`).
    public var width: Int
    /// Pixels down.
    public var height: Int
    /// Credits spent getting it (a fresh URL after a 410/403), beyond the product fetch.
    public var creditsDebited: Credits

    public init(
        barcode: Barcode, variant: ImageVariant, bytes: [UInt8], sha256: String, contentType: String, width: Int,
        height: Int, creditsDebited: Credits = .zero
    ) {
        self.barcode = barcode
        self.variant = variant
        self.bytes = bytes
        self.sha256 = sha256
        self.contentType = contentType
        self.width = width
        self.height = height
        self.creditsDebited = creditsDebited
    }
}
