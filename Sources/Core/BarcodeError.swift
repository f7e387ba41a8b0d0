/// Why a string is not a barcode, phrased for the person who scanned or typed it.
public enum BarcodeError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case tooLong(count: Int)
    case invalidCharacter(String, position: Int)
    case length(count: Int)
    case checkDigit(found: UInt8, expected: UInt8, symbology: String)
    case checkDigitEightDigits(found: UInt8, ean8: UInt8, upce: UInt8)

    public var description: String {
        switch self {
        case .empty:
            return "the barcode is empty; send the digits printed under the bars"
        case .tooLong(let count):
            return "the barcode has \(count) characters; a barcode has 8, 12, 13 or 14 digits"
        case .invalidCharacter(let character, let position):
            let shown =
                character.unicodeScalars.allSatisfy { $0.value >= 0x21 && $0.value < 0x7F }
                ? "'\(character)'" : "a non-printing character"
            return "the barcode contains \(shown) at position \(position); a barcode is digits only"
        case .length(let count):
            return "the barcode has \(count) digits; expected 8 (EAN-8 or UPC-E), 12 (UPC-A), "
                + "13 (EAN-13) or 14 (GTIN-14)"
        case .checkDigit(let found, let expected, let symbology):
            return "the \(symbology) check digit is \(found) but the other digits need \(expected); "
                + "the code was mis-scanned or mistyped"
        case .checkDigitEightDigits(let found, let ean8, let upce):
            return "the check digit is \(found) but the other digits need \(ean8) (as EAN-8) or \(upce) "
                + "(as UPC-E); the code was mis-scanned or mistyped"
        }
    }
}
