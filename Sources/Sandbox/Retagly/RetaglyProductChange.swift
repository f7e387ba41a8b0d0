import Core
import Foundation

/// The fields one product entry of a request sets: a whole product for `/add`, a partial one for
/// `/productUpdate`, either for a batch push. `nil` means "not sent": the stored value is kept.
public struct RetaglyProductChange: Sendable, Hashable {
    /// The store's key of the barcode: 8 digits as sent, longer ones without GTIN padding.
    public var barcode: String
    public var name: String?
    public var price: Money?
    public var stock: RetaglyNullable<Int>?
    public var onSale: Bool?
    public var salePrice: RetaglyNullable<Money>?
    public var unit: String?

    public init(
        barcode: String, name: String? = nil, price: Money? = nil, stock: RetaglyNullable<Int>? = nil,
        onSale: Bool? = nil, salePrice: RetaglyNullable<Money>? = nil, unit: String? = nil
    ) {
        self.barcode = barcode
        self.name = name
        self.price = price
        self.stock = stock
        self.onSale = onSale
        self.salePrice = salePrice
        self.unit = unit
    }

    /// The product after this change: `existing` with the sent fields replaced, or a new product
    /// (defaults: no stock, not on sale, no sale price, unit `each`). `nil` when the product is new
    /// and the change lacks its name or price.
    public func applied(to existing: RetaglyProduct?, at time: Date) -> RetaglyProduct? {
        var product: RetaglyProduct
        if let existing {
            product = existing
        } else {
            guard let name, let price else { return nil }
            product = RetaglyProduct(barcode: barcode, name: name, price: price, updatedAt: time)
        }
        if let name { product.name = name }
        if let price { product.price = price }
        if let stock { product.stock = stock.wrapped }
        if let onSale { product.onSale = onSale }
        if let salePrice { product.salePrice = salePrice.wrapped }
        if let unit { product.unit = unit }
        product.updatedAt = time
        return product
    }

    /// The change as JSON: the barcode and exactly the fields sent (`null` where cleared).
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [("barcode", .string(barcode))]
        if let name { members.append(("name", .string(name))) }
        if let price { members.append(("price", .number(price.jsonLiteral))) }
        if let stock { members.append(("stock", stock.wrapped.map { .int($0) } ?? .null)) }
        if let onSale { members.append(("onSale", .bool(onSale))) }
        if let salePrice { members.append(("salePrice", salePrice.wrapped.map { .number($0.jsonLiteral) } ?? .null)) }
        if let unit { members.append(("unit", .string(unit))) }
        return .object(members)
    }
}
