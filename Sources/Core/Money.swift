/// A shelf price in cents. Retagly takes prices as decimals with at most two places, the POS
/// catalog writes them as `4.99`; both are parsed exactly, never through a binary float.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The amount in cents (hundredths).
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }

    /// Parses `4.99`, `4.9`, `4` or `0.50`; `nil` for negatives, more than two decimal places,
    /// anything that is not a plain decimal, or amounts of a billion or more.
    public init?(parsing text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var places = 0
        var inFraction = false
        var sawDigit = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard !inFraction else { return nil }
                inFraction = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            sawDigit = true
            let digit = Int64(byte - UInt8(ascii: "0"))
            if inFraction {
                places += 1
                guard places <= 2 else { return nil }
                fraction = fraction * 10 + digit
            } else {
                whole = whole * 10 + digit
            }
        }
        guard sawDigit, whole < 1_000_000_000 else { return nil }
        if places == 1 { fraction *= 10 }
        self.cents = whole * 100 + fraction
    }

    /// Always two decimal places: `4.99`, `5.00`.
    public var description: String {
        let whole = cents / 100
        let fraction = cents % 100
        return fraction < 10 ? "\(whole).0\(fraction)" : "\(whole).\(fraction)"
    }

    /// The shortest decimal for a JSON number: `4.99`, `5`, `4.5`.
    public var jsonLiteral: String {
        let whole = cents / 100
        let fraction = cents % 100
        if fraction == 0 { return "\(whole)" }
        if fraction % 10 == 0 { return "\(whole).\(fraction / 10)" }
        return fraction < 10 ? "\(whole).0\(fraction)" : "\(whole).\(fraction)"
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }
}

extension Money: Encodable {
    /// As its ``jsonLiteral`` number.
    public func encode(to encoder: any Encoder) throws { try JSONValue.number(jsonLiteral).encode(to: encoder) }
}
