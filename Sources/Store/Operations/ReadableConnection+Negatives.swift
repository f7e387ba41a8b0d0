import Core

extension ReadableConnection {
    /// The negative entry of `barcode`, or `nil` (compare its age with the negative TTL).
    public func negative(_ barcode: Barcode) throws -> NegativeEntry? {
        let statement = try sqlite.cached("SELECT checked_at, reason FROM negatives WHERE barcode = ?")
        defer { statement.reset() }
        try statement.bind([.text(barcode.digits)])
        guard try statement.step() else { return nil }
        return NegativeEntry(
            barcode: barcode, checkedAt: UnixMillis(statement.int64(0)),
            reason: NegativeReason(rawValue: statement.text(1)) ?? .notFound)
    }
}
