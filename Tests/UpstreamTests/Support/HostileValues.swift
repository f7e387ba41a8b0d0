import Core

/// The hostile inputs of the fuzz corpus: number texts (huge, negative, NaN, `1e300`, `-0`,
/// fractional, 10,000 digits, other scripts' digits), timestamps and JSON values of every type.
enum HostileValues {
    /// Texts every reader must survive; some are not JSON (`NaN`), which makes a body malformed.
    static let numberTexts: [String] = [
        "0", "-0", "0.0", "-0.0", "1", "-1", "42", "3600", "0.3", "2.6", "497.4", "0.001", "0.0005", "1.2345",
        "1e19", "1e300", "-1e300", "1e308", "1.8e308", "1e400", "-1e400", "1e-400", "5e-324", "1E+2", "2.5e2",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "10000000000000000", "1000000000000", "1000000000000.001", "999999999999.999",
        "2147483647", "2147483648", "-2147483649", "4294967296", "86400", "86401", "31536000", "31536001",
        "NaN", "nan", "-nan", "Infinity", "-Infinity", "inf", "0x10", "0x1p3", "+5", "--5", ".5", "5.", "1.2.3",
        "1e", "e5", "", " ", "12 3", "١٢٣", "１２３", "٣٫٥", "𝟏𝟐", "1\u{0}", "0b101", "1_000",
    ]

    /// A 10,000-digit number (the widest an overflow-checked reader must refuse quickly).
    static let longDigits = String(repeating: "9", count: 10_000)
    static let longFraction = "0." + String(repeating: "1", count: 10_000)
    static let longZeros = "1" + String(repeating: "0", count: 9_999)
    static let longTexts = [longDigits, longFraction, longZeros, "-" + longDigits]

    /// Timestamps in and out of the calendar.
    static let timestampTexts: [String] = [
        "2026-06-04T15:49:50Z", "2026-07-02", "0000-01-01T00:00:00Z", "9999-12-31T23:59:60Z",
        "99999-01-01T00:00:00Z", "2026-13-40T99:99:99Z", "2026-02-30", "2026-07-02T16:30:00.9999999999999999999Z",
        "2026-07-02T16:30:00+99:00", "2026-07-02T16:30:00-23:59", "2026-07-02T16:30:00", "-2026-07-02", "",
        "1e300", "Thu, 04 Jun 2026 15:49:50 GMT", "Thu, 04 Jun 99999999999999999 15:49:50 GMT",
    ]

    /// A number text: a listed one, a random integer or double, random digits (up to 40), and one in
    /// 200 a 10,000-digit one.
    static func numberText(_ random: inout SeededRandom) -> String {
        switch Int.random(in: 0..<1000, using: &random) {
        case 0..<450: return random.pick(numberTexts)
        case 450..<550: return String(Int64.random(in: .min ... .max, using: &random))
        case 550..<650: return "\(Double(bitPattern: random.next()))"
        case 650..<995:
            var digits = String(UInt64.random(in: 0 ... .max, using: &random))
            digits = String(digits.prefix(Int.random(in: 1...20, using: &random)))
            if random.percent(20) { digits += String(UInt64.random(in: 0 ... .max, using: &random)) }
            let sign = random.percent(20) ? "-" : ""
            let fraction = random.percent(20) ? ".\(Int.random(in: 0...999_999, using: &random))" : ""
            let exponent = random.percent(15) ? "e\(Int.random(in: -400...400, using: &random))" : ""
            return sign + digits + fraction + exponent
        default: return random.pick(longTexts)
        }
    }

    /// A JSON value for a numeric field; `nil` means "leave the field out".
    static func json(_ random: inout SeededRandom) -> JSONValue? {
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<55: return .number(numberText(&random))
        case 55..<70: return .string(numberText(&random))
        case 70..<75: return nil
        case 75..<80: return .null
        case 80..<84: return random.pick([.bool(true), .array([]), .object([]), .array([.number("1e19")])])
        case 84..<88: return .string(random.pick(timestampTexts))
        default: return .number(String(Int.random(in: 0...100, using: &random)))
        }
    }

    /// A header value: a number text, a timestamp or an HTTP date, sometimes padded.
    static func headerText(_ random: inout SeededRandom) -> String {
        let text = random.percent(85) ? numberText(&random) : random.pick(timestampTexts)
        return random.percent(10) ? "  \(text) " : text
    }
}
