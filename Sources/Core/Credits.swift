/// An amount of Retail Digitals API credits, held exactly in thousandths of a credit.
///
/// The API prices actions in decimals (0.3, 1.0, 0.05, 0.01) and reports balances as decimals;
/// binary floating point cannot add those exactly, so every sum and comparison here is integer
/// arithmetic on thousandths. Parse what the API sends with ``init(parsing:)`` or
/// ``init(approximating:)``; print with ``description`` (`2.6`, `497.4`, `0.05`, `0`).
public struct Credits: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
    /// The amount in thousandths of a credit.
    public var thousandths: Int64

    public init(thousandths: Int64) { self.thousandths = thousandths }

    /// Whole credits.
    public init(_ whole: Int) { self.thousandths = Int64(whole) * 1000 }

    public static let zero = Credits(thousandths: 0)

    /// Parses a decimal such as `2.6`, `-1.25` or `497.400`; `nil` if it is not a decimal or has
    /// more than three places that are not zeros.
    public init?(parsing text: some StringProtocol) {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes = bytes.dropFirst()
        } else if bytes.first == UInt8(ascii: "+") {
            bytes = bytes.dropFirst()
        }
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var places = 0
        var seenDigit = false
        var inFraction = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                if inFraction { return nil }
                inFraction = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int64(byte - UInt8(ascii: "0"))
            seenDigit = true
            if inFraction {
                places += 1
                if places > 3 {
                    if digit != 0 { return nil }
                    continue
                }
                fraction = fraction * 10 + digit
            } else {
                guard whole < Int64.max / 100 else { return nil }
                whole = whole * 10 + digit
            }
        }
        guard seenDigit else { return nil }
        while places < 3 {
            fraction *= 10
            places += 1
        }
        let value = whole * 1000 + fraction
        self.thousandths = negative ? -value : value
    }

    /// Rounds a binary floating-point value (as decoded from JSON) to the nearest thousandth.
    public init(approximating value: Double) {
        self.thousandths = Int64((value * 1000).rounded())
    }

    /// The amount as a `Double`, for metrics gauges only: never compute with it.
    public var doubleValue: Double { Double(thousandths) / 1000 }

    /// The decimal text with trailing zeros trimmed: `2.6`, `0.05`, `10`, `-1.5`.
    public var description: String {
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = thousandths.magnitude
        let whole = magnitude / 1000
        var fraction = magnitude % 1000
        if fraction == 0 { return "\(sign)\(whole)" }
        var digits = 3
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var fractionText = String(fraction)
        while fractionText.count < digits { fractionText = "0" + fractionText }
        return "\(sign)\(whole).\(fractionText)"
    }

    public static func + (lhs: Credits, rhs: Credits) -> Credits {
        Credits(thousandths: lhs.thousandths + rhs.thousandths)
    }

    public static func - (lhs: Credits, rhs: Credits) -> Credits {
        Credits(thousandths: lhs.thousandths - rhs.thousandths)
    }

    public static func * (lhs: Credits, rhs: Int) -> Credits {
        Credits(thousandths: lhs.thousandths * Int64(rhs))
    }

    public static func < (lhs: Credits, rhs: Credits) -> Bool { lhs.thousandths < rhs.thousandths }
}
