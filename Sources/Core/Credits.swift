/// An amount of Retail Digitals API credits, held exactly in thousandths of a credit.
///
/// The API prices actions in decimals (0.3, 1.0, 0.05, 0.01) and reports balances as decimals;
/// binary floating point cannot add those exactly, so every sum and comparison here is integer
/// arithmetic on thousandths. Parse what the API sends with ``init(parsing:)`` or
/// ``init(approximating:)``; print with ``description`` (`2.6`, `497.4`, `0.05`, `0`).
///
/// Nothing here traps on hostile input: parsing refuses what `Int64` cannot hold, and the operators
/// saturate at `Int64.min`/`Int64.max` thousandths instead of overflowing. Values read from outside
/// are further held to ``plausibleRange`` (±10^12 credits) by ``CheckedNumber``.
public struct Credits: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
    /// The amount in thousandths of a credit.
    public var thousandths: Int64

    public init(thousandths: Int64) { self.thousandths = thousandths }

    /// Whole credits (saturating at the limits of `Int64` thousandths).
    public init(_ whole: Int) { self = Credits(thousandths: 1000) * whole }

    public static let zero = Credits(thousandths: 0)

    /// The largest magnitude accepted from outside (upstream balances, rates, debits; the
    /// configuration's credit amounts): 10^12 credits.
    public static let plausibleMagnitude = Credits(thousandths: 1_000_000_000_000_000)

    /// `-plausibleMagnitude…plausibleMagnitude`: a balance may be negative.
    public static let plausibleRange = Credits(thousandths: -plausibleMagnitude.thousandths)...plausibleMagnitude

    /// `0…plausibleMagnitude`: rates, debits, caps.
    public static let plausibleAmounts = Credits.zero...plausibleMagnitude

    /// Parses a decimal such as `2.6`, `-1.25` or `497.400`; `nil` if it is not a decimal or has
    /// more than three places that are not zeros, or too large for `Int64` thousandths.
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
                let (times, overflow) = whole.multipliedReportingOverflow(by: 10)
                let (next, carry) = times.addingReportingOverflow(digit)
                guard !overflow, !carry else { return nil }
                whole = next
            }
        }
        guard seenDigit else { return nil }
        while places < 3 {
            fraction *= 10
            places += 1
        }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: 1000)
        let (value, carry) = scaled.addingReportingOverflow(fraction)
        guard !overflow, !carry else { return nil }
        self.thousandths = negative ? -value : value
    }

    /// Rounds a binary floating-point value (as decoded from JSON) to the nearest thousandth; `nil`
    /// for `NaN`, infinities and values too large for `Int64` thousandths.
    public init?(approximating value: Double) {
        let scaled = (value * 1000).rounded()
        guard scaled.isFinite, let exact = Int64(exactly: scaled) else { return nil }
        self.thousandths = exact
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

    /// The sum, saturating at the limits of `Int64` thousandths.
    public static func + (lhs: Credits, rhs: Credits) -> Credits {
        let (sum, overflow) = lhs.thousandths.addingReportingOverflow(rhs.thousandths)
        guard overflow else { return Credits(thousandths: sum) }
        return Credits(thousandths: rhs.thousandths > 0 ? .max : .min)
    }

    /// The difference, saturating at the limits of `Int64` thousandths.
    public static func - (lhs: Credits, rhs: Credits) -> Credits {
        let (difference, overflow) = lhs.thousandths.subtractingReportingOverflow(rhs.thousandths)
        guard overflow else { return Credits(thousandths: difference) }
        return Credits(thousandths: rhs.thousandths > 0 ? .min : .max)
    }

    /// The product, saturating at the limits of `Int64` thousandths.
    public static func * (lhs: Credits, rhs: Int) -> Credits {
        let (product, overflow) = lhs.thousandths.multipliedReportingOverflow(by: Int64(rhs))
        guard overflow else { return Credits(thousandths: product) }
        return Credits(thousandths: (lhs.thousandths < 0) != (rhs < 0) ? .min : .max)
    }

    public static func < (lhs: Credits, rhs: Credits) -> Bool { lhs.thousandths < rhs.thousandths }
}
