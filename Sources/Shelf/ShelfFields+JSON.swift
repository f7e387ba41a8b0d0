import Core

extension ShelfFields {
    /// The outbox's stored form: snake_case as the POS sends it, only the fields set, `null` where
    /// cleared, prices as exact decimals.
    var storedJSON: JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if let name { members.append(("name", .string(name))) }
        if let price { members.append(("price", .number(price.jsonLiteral))) }
        if let stock { members.append(("stock", stock.wrapped.map { .int($0) } ?? .null)) }
        if let onSale { members.append(("on_sale", .bool(onSale))) }
        if let salePrice { members.append(("sale_price", salePrice.wrapped.map { .number($0.jsonLiteral) } ?? .null)) }
        if let unit { members.append(("unit", .string(unit))) }
        return .object(members)
    }

    /// Reads ``storedJSON`` text back; unreadable text gives no fields (it was written by us, valid).
    init(stored text: String) {
        guard let value = try? JSONValue(parsing: text) else {
            self.init()
            return
        }
        self.init(stored: value)
    }

    /// Reads ``storedJSON`` back.
    init(stored value: JSONValue) {
        self.init()
        name = value["name"]?.stringValue
        if case .number(let literal)? = value["price"] { price = Money(parsing: literal) }
        switch value["stock"] {
        case .null?: stock = .null
        case let number?: stock = number.intValue.map { .value($0) }
        case nil: break
        }
        onSale = value["on_sale"]?.boolValue
        switch value["sale_price"] {
        case .null?: salePrice = .null
        case .number(let literal)?: salePrice = Money(parsing: literal).map { .value($0) }
        default: break
        }
        unit = value["unit"]?.stringValue
    }

    /// The Retagly product object for `barcode` (the store's own digits): camelCase, only the fields set.
    func retaglyJSON(barcode: StoreBarcode) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("barcode", .string(barcode.digits))]
        if let name { members.append(("name", .string(name))) }
        if let price { members.append(("price", .number(price.jsonLiteral))) }
        if let stock { members.append(("stock", stock.wrapped.map { .int($0) } ?? .null)) }
        if let onSale { members.append(("onSale", .bool(onSale))) }
        if let salePrice { members.append(("salePrice", salePrice.wrapped.map { .number($0.jsonLiteral) } ?? .null)) }
        if let unit { members.append(("unit", .string(unit))) }
        return .object(members)
    }
}
