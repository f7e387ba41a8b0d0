import Core
import Foundation

/// One barcode's line of a bulk-check answer.
public struct BulkCheckItem: Sendable, Hashable {
    public var barcode: Barcode
    public var exists: Bool
    /// The variants it has (empty when it does not exist).
    public var variants: [ImageVariant]
    /// `updated_at` as sent (`nil` when it does not exist).
    public var updatedAt: String?

    public init(barcode: Barcode, exists: Bool, variants: [ImageVariant], updatedAt: String?) {
        self.barcode = barcode
        self.exists = exists
        self.variants = variants
        self.updatedAt = updatedAt
    }
}
