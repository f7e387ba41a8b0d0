import Core

/// A barcode whose change Retagly (or planning) refused, as status shows it.
public struct ShelfItemErrorRecord: Sendable, Hashable, Codable {
    public var barcode: StoreBarcode
    public var message: String
    public var at: UnixMillis

    public init(barcode: StoreBarcode, message: String, at: UnixMillis) {
        self.barcode = barcode
        self.message = message
        self.at = at
    }
}
