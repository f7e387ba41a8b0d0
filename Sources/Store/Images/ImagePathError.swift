/// A barcode that cannot name a directory in the image store (only canonical GTIN digits can).
public struct ImagePathError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The rejected text.
    public let barcode: String

    public init(barcode: String) { self.barcode = barcode }

    public var description: String {
        "refusing to build an image path from \(barcode.count) characters that are not 8, 12, 13 or 14 digits"
    }
}
