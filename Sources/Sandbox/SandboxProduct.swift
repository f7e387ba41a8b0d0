import Core
import Foundation

/// The sandbox's ground truth for one product: exactly what the API serves for it.
public struct SandboxProduct: Sendable, Hashable {
    /// The canonical barcode (UPC-A as 12 digits, EAN-13, EAN-8).
    public var barcode: String
    /// The last change, at whole seconds.
    public var updatedAt: Date
    /// The `product_meta` object, served whole.
    public var productMeta: JSONValue
    /// The `image_meta` object of each available variant.
    public var imageMeta: [ImageVariant: JSONValue]
    /// The available variants, in API order (`front`, `back`, `front_clean`, `back_clean`).
    public var variants: [ImageVariant]
    /// The current image version of each available variant (starts at 1; a changed image bumps it).
    public var imageVersions: [ImageVariant: Int]

    public init(
        barcode: String, updatedAt: Date, productMeta: JSONValue, imageMeta: [ImageVariant: JSONValue],
        variants: [ImageVariant], imageVersions: [ImageVariant: Int]
    ) {
        self.barcode = barcode
        self.updatedAt = updatedAt
        self.productMeta = productMeta
        self.imageMeta = imageMeta
        self.variants = variants
        self.imageVersions = imageVersions
    }

    /// `product_meta.brand`, or an empty string.
    public var brand: String { productMeta["brand"]?.stringValue ?? "" }

    /// `product_meta.product_name`, or an empty string.
    public var productName: String { productMeta["product_name"]?.stringValue ?? "" }

    /// `updated_at` as whole unix seconds (the listing order key).
    var updatedSeconds: Int64 { Int64(updatedAt.timeIntervalSince1970.rounded(.down)) }

    /// `updated_at` as the API writes it.
    public var updatedAtText: String { Timestamp.format(updatedAt) }

    /// Whether `variant` is available for this product.
    public func has(_ variant: ImageVariant) -> Bool { imageVersions[variant] != nil }
}
