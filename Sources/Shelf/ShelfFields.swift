import Core
import Store

/// The product fields a shelf change sets, or a state Retagly holds: each field is `nil` when not
/// set / not known. `stock` and `salePrice` can be cleared (``ShelfNullable/null``); name, price,
/// the sale flag and the unit cannot (Retagly refuses `null` for them).
struct ShelfFields: Sendable, Hashable {
    var name: String?
    var price: Money?
    var stock: ShelfNullable<Int>?
    var onSale: Bool?
    var salePrice: ShelfNullable<Money>?
    /// Retagly's selling unit (`each`, `kg`, `lb`, …).
    var unit: String?

    /// No field set.
    var isEmpty: Bool { fieldSet.isEmpty }

    /// Which fields are set.
    var fieldSet: ShelfFieldSet {
        var set: ShelfFieldSet = []
        if name != nil { set.insert(.name) }
        if price != nil { set.insert(.price) }
        if stock != nil { set.insert(.stock) }
        if onSale != nil { set.insert(.onSale) }
        if salePrice != nil { set.insert(.salePrice) }
        if unit != nil { set.insert(.unit) }
        return set
    }

    /// These fields with every field `later` sets replacing them (the last change wins per field).
    func overlaid(with later: ShelfFields) -> ShelfFields {
        ShelfFields(
            name: later.name ?? name, price: later.price ?? price, stock: later.stock ?? stock,
            onSale: later.onSale ?? onSale, salePrice: later.salePrice ?? salePrice, unit: later.unit ?? unit)
    }

    /// The fields set here whose value `state` does not already hold (unknown there, or different):
    /// what must be sent to bring `state` to these values.
    func differences(from state: ShelfFields) -> ShelfFields {
        ShelfFields(
            name: name == state.name ? nil : name, price: price == state.price ? nil : price,
            stock: stock == state.stock ? nil : stock, onSale: onSale == state.onSale ? nil : onSale,
            salePrice: salePrice == state.salePrice ? nil : salePrice, unit: unit == state.unit ? nil : unit)
    }

    /// These fields without those in `fields`.
    func removing(_ fields: ShelfFieldSet) -> ShelfFields {
        ShelfFields(
            name: fields.contains(.name) ? nil : name, price: fields.contains(.price) ? nil : price,
            stock: fields.contains(.stock) ? nil : stock, onSale: fields.contains(.onSale) ? nil : onSale,
            salePrice: fields.contains(.salePrice) ? nil : salePrice, unit: fields.contains(.unit) ? nil : unit)
    }

    /// The fields a store catalog row states (name left out: see ``ShelfFullPush``). An empty stock
    /// cell says nothing (the column is optional); an empty sale price next to an `on_sale` value
    /// says "no sale price"; an empty unit cell says nothing.
    init(catalog entry: CatalogEntry) {
        self.init(
            price: entry.price, stock: entry.stock.map { .value($0) }, onSale: entry.onSale,
            salePrice: entry.salePrice.map { .value($0) } ?? (entry.onSale == nil ? nil : .null), unit: entry.unit)
    }

    init(
        name: String? = nil, price: Money? = nil, stock: ShelfNullable<Int>? = nil, onSale: Bool? = nil,
        salePrice: ShelfNullable<Money>? = nil, unit: String? = nil
    ) {
        self.name = name
        self.price = price
        self.stock = stock
        self.onSale = onSale
        self.salePrice = salePrice
        self.unit = unit
    }
}
