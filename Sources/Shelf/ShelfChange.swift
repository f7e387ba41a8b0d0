import Core

/// One validated change from the POS: a barcode (the digits the POS sent: its identity toward
/// Retagly) and the fields it sets.
struct ShelfChange: Sendable, Hashable {
    var barcode: StoreBarcode
    var fields: ShelfFields
}
