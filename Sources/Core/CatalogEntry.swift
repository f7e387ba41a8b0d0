/// One product of the store's own catalog (the POS's CSV export): what the store sells and at what
/// price, whether or not Retail Digitals knows the barcode.
public struct CatalogEntry: Hashable, Sendable {
    /// The barcode as the row gives it: the store's identity for the product (the shelf push sends
    /// these digits).
    public var storeBarcode: StoreBarcode
    public var name: String
    public var price: Money
    public var stock: Int?
    public var onSale: Bool?
    public var salePrice: Money?
    /// The selling unit for the shelf displays (Retagly's `unit`: `each`, `kg`, `lb`, …).
    public var unit: String?

    /// The canonical barcode the row's digits read as (the catalog's key).
    public var barcode: Barcode { storeBarcode.key }

    public init(
        barcode: Barcode, name: String, price: Money, stock: Int? = nil, onSale: Bool? = nil, salePrice: Money? = nil,
        unit: String? = nil
    ) {
        self.init(
            storeBarcode: StoreBarcode(barcode), name: name, price: price, stock: stock, onSale: onSale,
            salePrice: salePrice, unit: unit)
    }

    public init(
        storeBarcode: StoreBarcode, name: String, price: Money, stock: Int? = nil, onSale: Bool? = nil,
        salePrice: Money? = nil, unit: String? = nil
    ) {
        self.storeBarcode = storeBarcode
        self.name = name
        self.price = price
        self.stock = stock
        self.onSale = onSale
        self.salePrice = salePrice
        self.unit = unit
    }

    /// The entry as the socket's `catalog` object: `{"name", "price", "stock", "on_sale", "sale_price",
    /// "unit"}` (absent optional columns are `null`).
    public var json: JSONValue {
        .object([
            ("name", .string(name)),
            ("price", .number(price.jsonLiteral)),
            ("stock", stock.map { .int($0) } ?? .null),
            ("on_sale", onSale.map { .bool($0) } ?? .null),
            ("sale_price", salePrice.map { .number($0.jsonLiteral) } ?? .null),
            ("unit", unit.map { .string($0) } ?? .null),
        ])
    }
}
