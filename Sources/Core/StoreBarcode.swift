/// A barcode as the store uses it (a catalog row, a scan, a shelf change): the validated digits
/// exactly as given, and the product ``key`` they read as.
///
/// The digits are the code's identity toward the POS and Retagly and are never rewritten: a shelf
/// change for the UPC-E `04963406` reaches Retagly as `04963406`, not as the UPC-A `049000006346` the
/// cache keys the product by. Two store barcodes are equal when their digits are, so `0017000161563`
/// and `017000161563` are one product (one ``key``) but two identities on the shelf.
public struct StoreBarcode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The digits as the store gave them (validated: 8, 12, 13 or 14 digits with a valid check digit).
    public let digits: String
    /// The canonical barcode the digits read as: how the cache and Retail Digitals key the product
    /// (an ambiguous 8-digit code reads as its EAN-8; see ``Barcode/upcEExpansion``).
    public let key: Barcode

    /// Validates `input`, keeping its digits as given.
    public init(validating input: some StringProtocol) throws(BarcodeError) {
        self.key = try Barcode(validating: input)
        self.digits = String(input)
    }

    /// Validates `input`; `nil` when it is not a valid barcode.
    public init?(_ input: some StringProtocol) {
        guard let value = try? StoreBarcode(validating: input) else { return nil }
        self = value
    }

    /// The store barcode written as `key`'s canonical digits (a store that uses the canonical form).
    public init(_ key: Barcode) {
        self.key = key
        self.digits = key.digits
    }

    /// Digits read back from the schema, which stores only digits validated before they were stored.
    public init(trusted digits: String) {
        self.digits = digits
        self.key = (try? Barcode(validating: digits)) ?? Barcode(trustedCanonical: digits)
    }

    public var description: String { digits }

    public static func < (lhs: StoreBarcode, rhs: StoreBarcode) -> Bool { lhs.digits < rhs.digits }
}

extension StoreBarcode: Codable {
    /// The ``digits`` as a JSON string, validated when read.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let barcode = StoreBarcode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a barcode"))
        }
        self = barcode
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}
