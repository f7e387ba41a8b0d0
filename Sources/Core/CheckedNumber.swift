/// Overflow-checked readers of numbers that come from outside the process — upstream headers and
/// JSON bodies, configuration text — each with the range it accepts.
///
/// They never trap: a huge, negative, fractional, non-finite (`NaN`, `1e400`), 10,000-digit or
/// non-ASCII (`١٢`) value is a ``NumberProblem`` for the caller to report with the field's name.
/// Whole numbers are read digit by digit with `multipliedReportingOverflow`; other forms
/// (`3600.0`, `3.6e3`) only through `Double` with `isFinite` and `Int64(exactly:)`.
public enum CheckedNumber {
    /// Integers an upstream count may take (pagination, rate limits): `0…Int32.max`.
    public static let count: ClosedRange<Int64> = 0...Int64(Int32.max)

    /// A whole number within `range` from decimal text: `42`, `-7`, `+3`, `3600.0`, `3.6e3`.
    public static func integer(
        _ text: some StringProtocol, in range: ClosedRange<Int64>
    ) -> Result<Int64, NumberProblem> {
        let bytes = Substring(text).utf8
        guard !bytes.isEmpty else { return .failure(.missing) }
        let value: Int64
        switch plainInteger(bytes) {
        case .value(let exact):
            value = exact
        case .overflow:
            return .failure(.outOfRange(expected: describe(range)))
        case .notPlain:
            guard let real = real(text) else { return .failure(.notANumber) }
            guard real.isFinite else { return .failure(.outOfRange(expected: describe(range))) }
            guard real == real.rounded() else { return .failure(.notWhole) }
            guard let exact = Int64(exactly: real) else { return .failure(.outOfRange(expected: describe(range))) }
            value = exact
        }
        guard range.contains(value) else { return .failure(.outOfRange(expected: describe(range))) }
        return .success(value)
    }

    /// A JSON number that is whole and within `range`; `null` or absent is ``NumberProblem/missing``.
    public static func integer(_ value: JSONValue?, in range: ClosedRange<Int64>) -> Result<Int64, NumberProblem> {
        switch value {
        case nil, .null?: return .failure(.missing)
        case .number(let text)?: return integer(text, in: range)
        default: return .failure(.notANumber)
        }
    }

    /// A finite decimal from text (`1.5`, `-2`, `1e3`); an infinite one (`1e400`) is out of `range`.
    public static func decimal(
        _ text: some StringProtocol, in range: ClosedRange<Double>
    ) -> Result<Double, NumberProblem> {
        guard !text.isEmpty else { return .failure(.missing) }
        guard let value = real(text) else { return .failure(.notANumber) }
        guard value.isFinite, range.contains(value) else {
            return .failure(.outOfRange(expected: "\(range.lowerBound)…\(range.upperBound)"))
        }
        return .success(value)
    }

    /// Credits within `range` from decimal text: exact to the thousandth when the text has at most
    /// three decimals, else the nearest thousandth.
    public static func credits(
        _ text: some StringProtocol, in range: ClosedRange<Credits>
    ) -> Result<Credits, NumberProblem> {
        guard !text.isEmpty else { return .failure(.missing) }
        let expected = NumberProblem.outOfRange(expected: "\(range.lowerBound)…\(range.upperBound)")
        let credits: Credits
        if let exact = Credits(parsing: text) {
            credits = exact
        } else {
            guard let value = real(text) else { return .failure(.notANumber) }
            guard let approximated = Credits(approximating: value) else { return .failure(expected) }
            credits = approximated
        }
        return range.contains(credits) ? .success(credits) : .failure(expected)
    }

    /// A JSON number as credits within `range`; `null` or absent is ``NumberProblem/missing``.
    public static func credits(_ value: JSONValue?, in range: ClosedRange<Credits>) -> Result<Credits, NumberProblem> {
        switch value {
        case nil, .null?: return .failure(.missing)
        case .number(let text)?: return credits(text, in: range)
        default: return .failure(.notANumber)
        }
    }

    /// The text as a `Double` (possibly infinite) when it is made only of ASCII digits, a sign, a
    /// point and an exponent; `nil` for anything else (`nan`, `inf`, hex floats, other scripts).
    public static func real(_ text: some StringProtocol) -> Double? {
        let bytes = Substring(text).utf8
        guard !bytes.isEmpty, bytes.contains(where: isDigit),
            bytes.allSatisfy({ isDigit($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E || $0 == 0x45 || $0 == 0x65 })
        else { return nil }
        guard let value = Double(Substring(text)), !value.isNaN else { return nil }
        return value
    }

    /// At most 24 printable ASCII characters of a refused value, for a message (`1000000000000000…`).
    public static func excerpt(_ text: some StringProtocol) -> String {
        let printable = Substring(text).unicodeScalars.map {
            $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?"
        }
        return printable.count > 24 ? String(printable.prefix(24)) + "…" : String(printable)
    }

    private enum Plain {
        case value(Int64)
        case overflow
        case notPlain
    }

    /// `[+-]digits` read with overflow checks.
    private static func plainInteger(_ bytes: Substring.UTF8View) -> Plain {
        var rest = bytes[...]
        var negative = false
        if let sign = rest.first, sign == 0x2B || sign == 0x2D {
            negative = sign == 0x2D
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty, rest.allSatisfy(isDigit) else { return .notPlain }
        var value: Int64 = 0
        for byte in rest {
            let digit = Int64(byte - 0x30)
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, carry) = times.addingReportingOverflow(negative ? -digit : digit)
            guard !overflow, !carry else { return .overflow }
            value = next
        }
        return .value(value)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func describe(_ range: ClosedRange<Int64>) -> String { "\(range.lowerBound)…\(range.upperBound)" }
}
