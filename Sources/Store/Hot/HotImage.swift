import Core

/// A stored image as the lookup hot path needs it (no timestamps, nothing to parse).
public struct HotImage: Sendable, Hashable {
    public var variant: ImageVariant
    /// Path under the image root (`017/017000161563/front.jpg`).
    public var relativePath: String
    /// Lower-case hex SHA-256 (the `ETag`, quoted).
    public var sha256: String
    public var bytes: Int64
    public var contentType: String

    public init(variant: ImageVariant, relativePath: String, sha256: String, bytes: Int64, contentType: String) {
        self.variant = variant
        self.relativePath = relativePath
        self.sha256 = sha256
        self.bytes = bytes
        self.contentType = contentType
    }
}
