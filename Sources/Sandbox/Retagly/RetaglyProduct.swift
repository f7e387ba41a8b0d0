import Core
import Foundation

/// One product as a Retagly store holds it: the ground truth a test compares with what the POS
/// last asked for.
public struct RetaglyProduct: Sendable, Hashable, Encodable {
    /// The store's key: the 8 digits as sent (EAN-8 or UPC-E, never expanded), longer codes without
    /// GTIN padding (the 13-digit form of a UPC-A is the UPC-A).
    public var barcode: String
    public var name: String
    public var price: Money
    /// Units in stock; `nil` when never sent or cleared with `null`.
    public var stock: Int?
    public var onSale: Bool
    /// The sale price; `nil` when never sent or cleared with `null`.
    public var salePrice: Money?
    /// The selling unit (`each`, `kg`, …); `each` unless sent.
    public var unit: String
    /// Sandbox time of the last write that touched the product.
    public var updatedAt: Date

    /// The unit a product gets when it is created without one.
    public static let defaultUnit = "each"

    public init(
        barcode: String, name: String, price: Money, stock: Int? = nil, onSale: Bool = false,
        salePrice: Money? = nil, unit: String = RetaglyProduct.defaultUnit, updatedAt: Date
    ) {
        self.barcode = barcode
        self.name = name
        self.price = price
        self.stock = stock
        self.onSale = onSale
        self.salePrice = salePrice
        self.unit = unit
        self.updatedAt = updatedAt
    }

    /// The product as the control plane shows it (camelCase, prices as JSON decimals).
    public var json: JSONValue { JSONValueEncoder.json(self, keys: .asIs) }
}
