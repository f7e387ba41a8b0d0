import Core
import Foundation

/// One row of the catalog listing.
public struct ListedProduct: Sendable, Hashable {
    public var barcode: Barcode
    /// `updated_at` as sent.
    public var updatedAt: String
    /// `updated_at` parsed; `nil` if unreadable.
    public var updatedAtDate: Date?
    /// The image variants the product has.
    public var variants: [ImageVariant]

    public init(barcode: Barcode, updatedAt: String, updatedAtDate: Date?, variants: [ImageVariant]) {
        self.barcode = barcode
        self.updatedAt = updatedAt
        self.updatedAtDate = updatedAtDate
        self.variants = variants
    }
}
