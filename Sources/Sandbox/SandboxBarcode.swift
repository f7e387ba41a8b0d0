import Core

/// The sandbox's own reading of barcodes, as the contracts state it: independent of the client's
/// `Barcode` normalisation, so a client that reads a code differently from the API finds out.
///
/// Retail Digitals keys GTINs as printed: 8 digits are always a GTIN-8 (EAN-8) and never a
/// compressed UPC-E, which the API does not expand; a 13-digit code with a leading `0` and a 14-digit
/// one with leading zeros are the same GTIN as their shorter form. Retagly keys what the store sends:
/// 8 digits as sent (an EAN-8 or the UPC-E symbol a store prints), longer codes like Retail Digitals.
/// Only the GS1 check digit (``Barcode/checkDigit(of:)``, plain arithmetic) is shared with the client.
enum SandboxBarcode {
    /// The catalog key of `text`: UPC-A 12 digits, EAN-13 13, EAN-8 8, GTIN-14 14 (padding stripped).
    static func key(_ text: some StringProtocol) throws(SandboxBarcodeError) -> String {
        let digits = try self.digits(text)
        if digits.count == 8 {
            guard Barcode.checkDigit(of: digits.dropLast()) == digits[7] else {
                throw SandboxBarcodeError(description: "the EAN-8 check digit of \(text) is wrong")
            }
            return String(text)
        }
        guard Barcode.checkDigit(of: digits.dropLast()) == digits.last! else {
            throw SandboxBarcodeError(description: "the check digit of \(text) is wrong")
        }
        var key = digits[...]
        if key.count == 14, key.prefix(6).allSatisfy({ $0 == 0 }) {
            key = key.dropFirst(6)
        } else {
            if key.count == 14, key.first == 0 { key = key.dropFirst() }
            if key.count == 13, key.first == 0 { key = key.dropFirst() }
        }
        return String(decoding: key.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
    }

    /// Retagly's key of `text`: 8 digits as sent when they are a valid EAN-8 or UPC-E, else ``key(_:)``.
    static func shelfKey(_ text: some StringProtocol) throws(SandboxBarcodeError) -> String {
        let digits = try self.digits(text)
        guard digits.count == 8 else { return try key(text) }
        let ean8 = Barcode.checkDigit(of: digits.dropLast()) == digits[7]
        guard ean8 || SandboxUPCE.expand(digits) != nil else {
            throw SandboxBarcodeError(description: "the check digit of \(text) is wrong (as EAN-8 and as UPC-E)")
        }
        return String(text)
    }

    /// The digits of `text`: 8, 12, 13 or 14 ASCII digits, else an error.
    private static func digits(_ text: some StringProtocol) throws(SandboxBarcodeError) -> [UInt8] {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), !bytes.isEmpty else {
            throw SandboxBarcodeError(description: "a barcode is digits only")
        }
        guard [8, 12, 13, 14].contains(bytes.count) else {
            throw SandboxBarcodeError(
                description: "the barcode has \(bytes.count) digits; a barcode has 8, 12, 13 or 14")
        }
        return bytes.map { $0 - UInt8(ascii: "0") }
    }
}
