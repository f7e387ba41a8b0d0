/// A validated, normalized product barcode (GTIN), keyed the way Retail Digitals keys it.
///
/// Construct one with ``init(validating:)`` at the edge (socket, CSV, upstream answers) and pass it
/// around afterwards: a `Barcode` value always has valid check digits and its canonical form.
///
/// Canonical forms (``digits``):
/// - UPC-A as 12 digits. The 13-digit EAN-13 form with a leading `0` and the 14-digit GTIN-14 form
///   with leading `00` normalize to it, and so does an 8-digit UPC-E (number system 0 or 1) that is
///   no usable EAN-8 (see below).
/// - EAN-13 as 13 digits (a GTIN-14 with a leading `0` normalizes to it).
/// - EAN-8 as 8 digits (a GTIN-14 with six leading zeros normalizes to it).
/// - GTIN-14 as 14 digits when its indicator digit is not `0`.
///
/// Eight digits are keyed as upstream keys them: an EAN-8 whenever its check digit holds, even when
/// they are also a valid UPC-E. Such a code is ambiguous (``upcEExpansion``): the store may mean the
/// UPC-A product whose UPC-E symbol it printed, so lookups and syncs resolve it (EAN-8 first). The
/// one exception: an EAN-8 with the restricted prefix `0` never goes upstream, so eight digits that
/// are also a valid UPC-E read as its UPC-A. This value is a key, not the store's identity for a code:
/// ``StoreBarcode`` keeps the digits as the store gave them.
///
/// Codes a store prints for itself (``isInStore``) are valid barcodes but never go upstream:
/// UPC-A number systems 2 (variable measure) and 4 (in-store), EAN-13 prefixes 20–29,
/// EAN-8 restricted-circulation prefixes 0 and 2, and GTIN-14 indicator 9 (variable measure).
public struct Barcode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The GS1 symbology of the canonical form.
    public enum Symbology: String, Sendable, Hashable {
        case ean8 = "EAN-8"
        case upcA = "UPC-A"
        case ean13 = "EAN-13"
        case gtin14 = "GTIN-14"
    }

    /// The canonical digits (8, 12, 13 or 14 ASCII digits).
    public let digits: String
    /// The symbology of ``digits``.
    public let symbology: Symbology

    /// Whether this is a store-internal code (restricted circulation or variable measure) that
    /// upstream can never know: answered from the store catalog only.
    public var isInStore: Bool {
        let first = digits.utf8.first!
        switch symbology {
        case .upcA: return first == UInt8(ascii: "2") || first == UInt8(ascii: "4")
        case .ean13: return first == UInt8(ascii: "2")
        case .ean8: return first == UInt8(ascii: "0") || first == UInt8(ascii: "2")
        case .gtin14: return first == UInt8(ascii: "9")
        }
    }

    public var description: String { digits }

    /// For eight digits that are valid both as an EAN-8 (``digits``: how upstream keys them) and as a
    /// UPC-E: the UPC-A that UPC-E reading expands to, the other product the code may mean. `nil` for
    /// every other barcode.
    public var upcEExpansion: Barcode? {
        guard symbology == .ean8 else { return nil }
        let d = digits.utf8.map { $0 - UInt8(ascii: "0") }
        guard d[0] <= 1 else { return nil }
        let body = Barcode.expandUPCE(numberSystem: d[0], payload: Array(d[1...6]))
        guard Barcode.checkDigit(of: body) == d[7] else { return nil }
        return Barcode(
            trustedCanonical: String(decoding: (body + [d[7]]).map { $0 + UInt8(ascii: "0") }, as: UTF8.self))
    }

    /// The keys this code may mean, the preferred first: itself, then its ``upcEExpansion`` if any.
    public var readings: [Barcode] {
        guard let other = upcEExpansion else { return [self] }
        return [self, other]
    }

    /// Creates a barcode from already-canonical digits without re-validating them.
    /// Only for values read back from the schema, which stores canonical digits only.
    public init(trustedCanonical digits: String) {
        self.digits = digits
        switch digits.utf8.count {
        case 8: self.symbology = .ean8
        case 12: self.symbology = .upcA
        case 13: self.symbology = .ean13
        default: self.symbology = .gtin14
        }
    }

    /// Validates and normalizes `input`; returns `nil` when it is not a valid barcode.
    public init?(_ input: some StringProtocol) {
        guard let value = try? Barcode(validating: input) else { return nil }
        self = value
    }

    /// Validates and normalizes `input`, saying exactly what is wrong when it is not a barcode.
    public init(validating input: some StringProtocol) throws(BarcodeError) {
        let bytes = Array(input.utf8)
        if bytes.isEmpty { throw .empty }
        if bytes.count > 32 { throw .tooLong(count: bytes.count) }
        var values: [UInt8] = []
        values.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                throw .invalidCharacter(String(decoding: [byte], as: UTF8.self), position: index + 1)
            }
            values.append(byte - UInt8(ascii: "0"))
        }
        self = try Barcode.normalize(values)
    }

    public static func < (lhs: Barcode, rhs: Barcode) -> Bool { lhs.digits < rhs.digits }
}
