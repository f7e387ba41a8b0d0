import Core

/// One product a batch session carries: what was pushed, in push order, and which outbox changes
/// it settles once the session completes.
public struct ShelfSessionItem: Sendable, Hashable {
    /// 0, 1, … in push order (Retagly's session-wide error `index`).
    public var position: Int
    public var barcode: StoreBarcode
    /// The newest outbox sequence merged into it: changes up to here leave the outbox on completion.
    public var throughSeq: Int64
    /// The fields pushed, as a JSON object (the Shelf module's format).
    public var sent: String
    /// Whether it was pushed as a new product (with name and price), not as a partial update.
    public var asNew: Bool

    public init(position: Int, barcode: StoreBarcode, throughSeq: Int64, sent: String, asNew: Bool) {
        self.position = position
        self.barcode = barcode
        self.throughSeq = throughSeq
        self.sent = sent
        self.asNew = asNew
    }
}
