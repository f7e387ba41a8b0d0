import Core

/// One product ready to send to Retagly: the merged changes of one barcode, as a payload.
struct ShelfPlannedItem: Sendable, Hashable {
    var barcode: StoreBarcode
    /// The newest outbox sequence merged in: once Retagly confirms, changes up to here leave.
    var throughSeq: Int64
    /// The fields to send.
    var payload: ShelfFields
    /// `true`: a product Retagly does not have yet, sent whole through `/add` (or a session);
    /// `false`: a partial update through `/productUpdate` (or a session).
    var asNew: Bool
    /// What Retagly held before, as far as storesync knows.
    var delivered: ShelfFields

    /// The state Retagly holds once it confirmed this item.
    var deliveredAfter: ShelfFields { asNew ? payload : delivered.overlaid(with: payload) }

    /// The Retagly product object.
    var retaglyJSON: JSONValue { payload.retaglyJSON(barcode: barcode) }
}
