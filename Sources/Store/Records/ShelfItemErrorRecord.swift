import Core

/// A barcode whose change Retagly (or planning) refused, as status shows it.
public struct ShelfItemErrorRecord: Sendable, Hashable {
    public var barcode: Barcode
    public var message: String
    public var at: UnixMillis

    public init(barcode: Barcode, message: String, at: UnixMillis) {
        self.barcode = barcode
        self.message = message
        self.at = at
    }
}
