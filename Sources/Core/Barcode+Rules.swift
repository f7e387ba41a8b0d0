extension Barcode {
    /// The GS1 modulo-10 check digit of `body` (the digits before the check digit).
    ///
    /// Weights alternate 3, 1, 3, … starting from the rightmost digit of the body:
    /// `check = (10 − (Σ weightᵢ × dᵢ) mod 10) mod 10`. Leading zeros do not change it, which is why
    /// a UPC-A, its EAN-13 form and its GTIN-14 form share one check digit.
    public static func checkDigit(of body: some BidirectionalCollection<UInt8>) -> UInt8 {
        var sum = 0
        var weight = 3
        for digit in body.reversed() {
            sum += Int(digit) * weight
            weight = weight == 3 ? 1 : 3
        }
        return UInt8((10 - sum % 10) % 10)
    }

    /// Expands the six payload digits of a UPC-E code (number system `numberSystem`) to the
    /// eleven digits of the UPC-A body (number system + manufacturer + item), without check digit.
    ///
    /// The last payload digit selects the rule: 0–2 → `ab d6 00 | 00 cde`; 3 → `abc 00 | 000 de`;
    /// 4 → `abcd 0 | 0000 e`; 5–9 → `abcde | 0000 d6`.
    public static func expandUPCE(numberSystem: UInt8, payload p: [UInt8]) -> [UInt8] {
        precondition(p.count == 6)
        let manufacturer: [UInt8]
        let item: [UInt8]
        switch p[5] {
        case 0, 1, 2:
            manufacturer = [p[0], p[1], p[5], 0, 0]
            item = [0, 0, p[2], p[3], p[4]]
        case 3:
            manufacturer = [p[0], p[1], p[2], 0, 0]
            item = [0, 0, 0, p[3], p[4]]
        case 4:
            manufacturer = [p[0], p[1], p[2], p[3], 0]
            item = [0, 0, 0, 0, p[4]]
        default:
            manufacturer = [p[0], p[1], p[2], p[3], p[4]]
            item = [0, 0, 0, 0, p[5]]
        }
        return [numberSystem] + manufacturer + item
    }

    /// Validates the check digit and picks the canonical form of a digit string.
    static func normalize(_ d: [UInt8]) throws(BarcodeError) -> Barcode {
        switch d.count {
        case 8:
            return try normalizeEight(d)
        case 12, 13, 14:
            let expected = checkDigit(of: d.dropLast())
            guard expected == d.last! else {
                throw .checkDigit(found: d.last!, expected: expected, symbology: symbologyName(count: d.count))
            }
            return canonical(d)
        default:
            throw .length(count: d.count)
        }
    }

    /// Eight digits are an EAN-8 when its check digit holds (as upstream keys them), whether or not
    /// they are also a valid UPC-E; else a UPC-E (number system 0 or 1) read as the UPC-A it expands
    /// to. A restricted-circulation EAN-8 (prefix `0`) that is also a valid UPC-E reads as the UPC-A:
    /// an in-store code never goes upstream, the UPC-E's product may.
    private static func normalizeEight(_ d: [UInt8]) throws(BarcodeError) -> Barcode {
        let found = d[7]
        let ean8Expected = checkDigit(of: d.dropLast())
        let upce = d[0] <= 1 ? expandUPCE(numberSystem: d[0], payload: Array(d[1...6])) : nil
        let upceExpected = upce.map { checkDigit(of: $0) }
        if ean8Expected == found, d[0] != 0 || upceExpected != found { return canonical(d) }
        if let upce, let upceExpected {
            if upceExpected == found { return canonical(upce + [found]) }
            throw .checkDigitEightDigits(found: found, ean8: ean8Expected, upce: upceExpected)
        }
        throw .checkDigit(found: found, expected: ean8Expected, symbology: "EAN-8")
    }

    /// Strips GTIN padding: 14 → 13 when the indicator is 0, 13 → 12 when the first digit is 0,
    /// and a GTIN-14 with six leading zeros → EAN-8. Check digits were already validated.
    private static func canonical(_ d: [UInt8]) -> Barcode {
        var digits = d[...]
        if digits.count == 14, digits.prefix(6).allSatisfy({ $0 == 0 }) {
            digits = digits.dropFirst(6)
        } else {
            if digits.count == 14, digits.first == 0 { digits = digits.dropFirst() }
            if digits.count == 13, digits.first == 0 { digits = digits.dropFirst() }
        }
        let text = String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
        return Barcode(trustedCanonical: text)
    }

    private static func symbologyName(count: Int) -> String {
        switch count {
        case 12: return "UPC-A"
        case 13: return "EAN-13"
        default: return "GTIN-14"
        }
    }
}
