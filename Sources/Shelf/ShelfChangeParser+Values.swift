import Core

extension ShelfChangeParser {
    /// A name: a non-blank string of at most ``maximumNameLength`` characters.
    static func name(_ value: JSONValue?, problems: inout [String]) -> String? {
        guard let value else { return nil }
        guard let text = value.stringValue else {
            problems.append(
                value.isNull
                    ? "name cannot be cleared; omit it to keep the shelf name"
                    : "name must be a string")
            return nil
        }
        guard !text.allSatisfy(\.isWhitespace) else {
            problems.append("name is blank; send the product name or omit the field")
            return nil
        }
        guard text.count <= maximumNameLength else {
            problems.append("name has \(text.count) characters; at most \(maximumNameLength) fit a shelf label")
            return nil
        }
        return text
    }

    /// A price: a JSON number (or a numeric string) ≥ 0 with at most two decimals, parsed exactly.
    static func money(_ value: JSONValue, field: String, problems: inout [String]) -> Money? {
        let literal: String
        switch value {
        case .number(let text): literal = text
        case .string(let text): literal = text
        case .null:
            problems.append("\(field) cannot be cleared; omit it to keep the shelf price")
            return nil
        default:
            problems.append("\(field) must be a number like 4.99")
            return nil
        }
        if let money = Money(parsing: literal) { return money }
        if literal.hasPrefix("-") {
            problems.append("\(field) must be 0 or more")
        } else if let dot = literal.firstIndex(of: "."), literal[literal.index(after: dot)...].allSatisfy(\.isNumber),
            literal[literal.index(after: dot)...].count > 2
        {
            problems.append("\(field) has more than 2 decimal places")
        } else if literal.allSatisfy({ $0.isNumber || $0 == "." }), !literal.isEmpty, literal.first != "." {
            problems.append("\(field) must be under 1000000000")
        } else {
            problems.append("\(field) must be a plain decimal like 4.99 (no exponent, sign or spaces)")
        }
        return nil
    }

    /// A unit: a non-blank string of at most ``maximumUnitLength`` characters; `null` cannot clear it.
    static func unit(_ value: JSONValue?, problems: inout [String]) -> String? {
        guard let value else { return nil }
        guard let text = value.stringValue, !text.allSatisfy(\.isWhitespace), text.count <= maximumUnitLength else {
            problems.append(
                value.isNull
                    ? "unit cannot be cleared; omit it to keep the shelf unit"
                    : "unit must be a non-blank string of at most \(maximumUnitLength) characters, like each or kg")
            return nil
        }
        return text
    }
}
