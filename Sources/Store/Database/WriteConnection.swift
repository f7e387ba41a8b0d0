/// The writer connection lent to one ``Database/write(_:)`` closure, inside a `BEGIN IMMEDIATE`
/// transaction that commits when the closure returns and rolls back when it throws. It can also
/// read (it sees its own uncommitted changes). Do not keep it past the closure.
///
/// Every operation that changes what a barcode's lookup answers (its product, image or negative
/// rows) records the barcode in ``changes``; the commit retires only the hot path's values derived
/// for those barcodes. Other writes (scan counts, the shelf outbox, sync bookkeeping, tokens, spend)
/// retire nothing.
public struct WriteConnection: ReadableConnection {
    public let sqlite: SQLiteConnection
    /// The barcodes this transaction changed so far.
    let changes: ChangedBarcodes

    init(sqlite: SQLiteConnection, changes: ChangedBarcodes = ChangedBarcodes()) {
        self.sqlite = sqlite
        self.changes = changes
    }
}
