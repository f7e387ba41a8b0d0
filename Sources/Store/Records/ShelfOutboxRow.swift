import Core

/// One change waiting in the shelf outbox: it leaves only once Retagly confirmed it.
public struct ShelfOutboxRow: Sendable, Hashable {
    /// The outbox sequence: the order changes were accepted in (merged in this order).
    public var seq: Int64
    public var barcode: StoreBarcode
    /// The fields the change sets, as the JSON object it was queued with.
    public var change: String
    public var source: ShelfChangeSource
    /// When it was accepted (local clock).
    public var acceptedAt: UnixMillis

    public init(seq: Int64, barcode: StoreBarcode, change: String, source: ShelfChangeSource, acceptedAt: UnixMillis) {
        self.seq = seq
        self.barcode = barcode
        self.change = change
        self.source = source
        self.acceptedAt = acceptedAt
    }
}
