import Core

/// One validated change from the POS: a barcode (canonical) and the fields it sets.
struct ShelfChange: Sendable, Hashable {
    var barcode: Barcode
    var fields: ShelfFields
}
