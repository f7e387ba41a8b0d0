/// One product of the store's own catalog (the POS's CSV export): what the store sells and at what
/// price, whether or not Retail Digitals knows the barcode.
public struct CatalogEntry: Hashable, Sendable {
    public var barcode: Barcode
    public var name: String
    public var price: Money
    public var stock: Int?
    public var onSale: Bool?
    public var salePrice: Money?

    public init(
        barcode: Barcode, name: String, price: Money, stock: Int? = nil, onSale: Bool? = nil, salePrice: Money? = nil
    ) {
        self.barcode = barcode
        self.name = name
        self.price = price
        self.stock = stock
        self.onSale = onSale
        self.salePrice = salePrice
    }

    /// The entry as the socket's `catalog` object: `{"name", "price", "stock", "on_sale", "sale_price"}`
    /// (absent optional columns are `null`).
    public var json: JSONValue {
        .object([
            ("name", .string(name)),
            ("price", .number(price.jsonLiteral)),
            ("stock", stock.map { .int($0) } ?? .null),
            ("on_sale", onSale.map { .bool($0) } ?? .null),
            ("sale_price", salePrice.map { .number($0.jsonLiteral) } ?? .null),
        ])
    }
}
