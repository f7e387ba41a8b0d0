import Core

/// One validated change to append to the shelf outbox.
public struct ShelfNewChange: Sendable, Hashable {
    public var barcode: StoreBarcode
    /// The fields the change sets, as a JSON object (the Shelf module's own format; stored verbatim).
    public var change: String
    /// The fields it sets (recorded as "set by the POS now" for POS changes).
    public var fields: ShelfFieldSet

    public init(barcode: StoreBarcode, change: String, fields: ShelfFieldSet) {
        self.barcode = barcode
        self.change = change
        self.fields = fields
    }
}
