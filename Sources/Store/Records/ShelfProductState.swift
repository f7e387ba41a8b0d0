import Core

/// What storesync knows about one barcode's shelf product.
public struct ShelfProductState: Sendable, Hashable {
    public var barcode: StoreBarcode
    /// Whether Retagly has the product (it confirmed a delivery of it), so `/productUpdate` works.
    public var known: Bool
    /// The last state Retagly confirmed, as a JSON object of the fields delivered (the Shelf module's
    /// format); `nil` when nothing was delivered yet.
    public var delivered: String?
    /// The outbox sequence the delivered state includes changes up to.
    public var deliveredSeq: Int64
    public var deliveredAt: UnixMillis?
    /// A per-item error from Retagly or from planning, for a person; blocks retries until a change
    /// newer than ``errorSeq`` arrives.
    public var error: String?
    public var errorSeq: Int64?
    public var errorAt: UnixMillis?
    /// When the POS last set each field (``ShelfFieldSet/each`` order), if ever.
    public var posSetAt: [UnixMillis?]

    public init(
        barcode: StoreBarcode, known: Bool = false, delivered: String? = nil, deliveredSeq: Int64 = 0,
        deliveredAt: UnixMillis? = nil, error: String? = nil, errorSeq: Int64? = nil, errorAt: UnixMillis? = nil,
        posSetAt: [UnixMillis?] = Array(repeating: nil, count: ShelfFieldSet.each.count)
    ) {
        self.barcode = barcode
        self.known = known
        self.delivered = delivered
        self.deliveredSeq = deliveredSeq
        self.deliveredAt = deliveredAt
        self.error = error
        self.errorSeq = errorSeq
        self.errorAt = errorAt
        self.posSetAt = posSetAt
    }

    /// When the POS last set `field` (a single field of ``ShelfFieldSet``).
    public func posSetAt(_ field: ShelfFieldSet) -> UnixMillis? {
        guard let index = ShelfFieldSet.each.firstIndex(of: field), index < posSetAt.count else { return nil }
        return posSetAt[index]
    }

    /// Whether an item error holds back every change up to `seq` (no newer change arrived since).
    public func isBlocked(through seq: Int64) -> Bool {
        guard error != nil, let errorSeq else { return false }
        return seq <= errorSeq
    }
}
