/// What a barcode's cached data was at, for the hot path's derived values
/// (``ProductReader/changeStamp(of:)``): equal stamps mean no write changed the barcode's product or
/// image rows in between.
public struct ChangeStamp: Hashable, Sendable {
    /// Writes that changed too many barcodes to list (every stamp moves).
    public var epoch: UInt64
    /// Writes that changed this barcode (or another sharing its counter).
    public var barcode: UInt64
}
