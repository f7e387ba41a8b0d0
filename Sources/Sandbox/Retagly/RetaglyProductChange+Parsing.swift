import Core

extension RetaglyProductChange {
    /// The product fields the API knows; anything else in a product is an item error, so a client
    /// that sends `sale_price` instead of `salePrice` learns it at once instead of being ignored.
    static let knownFields: Set<String> = ["barcode", "name", "price", "stock", "onSale", "salePrice", "unit"]

    /// The longest name and unit accepted.
    static let maximumNameLength = 200
    static let maximumUnitLength = 32

    /// Validates one entry of a `products` array (pure; no store access).
    ///
    /// With `requireNameAndPrice` (`/add`) the entry must carry `name` and `price`; otherwise
    /// (`/productUpdate`, batch pushes) only `barcode` is required. Every problem of the entry is
    /// reported, joined with `; `, in one ``RetaglyItemError`` at `index`.
    static func parse(
        _ item: JSONValue, index: Int, requireNameAndPrice: Bool
    ) -> Result<RetaglyProductChange, RetaglyItemError> {
        guard let members = item.objectValue else {
            return .failure(RetaglyItemError(index: index, barcode: nil, message: "a product must be a JSON object"))
        }
        var problems: [String] = []
        for member in members where !knownFields.contains(member.key) {
            problems.append(
                "unknown field '\(member.key)'; product fields are barcode, name, price, stock, onSale, salePrice, unit"
            )
        }
        let sentBarcode = item["barcode"]?.stringValue
        var canonical: String?
        switch item["barcode"] {
        case nil, .null?: problems.append("barcode is required")
        case .string(let text)?:
            do throws(SandboxBarcodeError) {
                canonical = try SandboxBarcode.shelfKey(text)
            } catch {
                problems.append(error.description)
            }
        default: problems.append("barcode must be a string of 8, 12, 13 or 14 digits")
        }
        var change = RetaglyProductChange(barcode: canonical ?? "")
        change.name = text(item["name"], field: "name", limit: maximumNameLength, problems: &problems)
        change.price = money(item["price"], field: "price", problems: &problems)
        change.unit = text(item["unit"], field: "unit", limit: maximumUnitLength, problems: &problems)
        if requireNameAndPrice {
            if item["name"] == nil { problems.append("name is required") }
            if item["price"] == nil { problems.append("price is required") }
        }
        switch item["onSale"] {
        case nil: break
        case .bool(let flag)?: change.onSale = flag
        default: problems.append("onSale must be true or false")
        }
        switch item["stock"] {
        case nil: break
        case .null?: change.stock = .null
        case .number(let literal)? where Int(literal).map { $0 >= 0 } == true: change.stock = .value(Int(literal)!)
        default: problems.append("stock must be a whole number of 0 or more, or null to clear it")
        }
        switch item["salePrice"] {
        case nil: break
        case .null?: change.salePrice = .null
        case let value?: change.salePrice = money(value, field: "salePrice", problems: &problems).map { .value($0) }
        }
        guard problems.isEmpty else {
            return .failure(
                RetaglyItemError(index: index, barcode: sentBarcode, message: problems.joined(separator: "; ")))
        }
        return .success(change)
    }

    /// A non-empty string field of at most `limit` characters; `null` is not allowed.
    private static func text(_ value: JSONValue?, field: String, limit: Int, problems: inout [String]) -> String? {
        guard let value else { return nil }
        guard let text = value.stringValue, !text.trimmingWhitespace.isEmpty, text.count <= limit else {
            let nullHint = value.isNull ? " (it cannot be cleared; omit it to keep the stored value)" : ""
            problems.append("\(field) must be a non-empty string of at most \(limit) characters\(nullHint)")
            return nil
        }
        return text
    }

    /// A price: a JSON number ≥ 0 with at most two decimal places, parsed exactly.
    private static func money(_ value: JSONValue?, field: String, problems: inout [String]) -> Money? {
        guard let value else { return nil }
        guard case .number(let literal) = value else {
            problems.append("\(field) must be a JSON number like 4.99" + (value.isNull ? ", not null" : ""))
            return nil
        }
        if let money = Money(parsing: literal) { return money }
        if literal.hasPrefix("-") {
            problems.append("\(field) must be 0 or more")
        } else if literal.contains(where: { $0 == "e" || $0 == "E" }) {
            problems.append("\(field) must be a plain decimal like 4.99, without an exponent")
        } else if let dot = literal.firstIndex(of: "."), literal[literal.index(after: dot)...].count > 2 {
            problems.append("\(field) has more than 2 decimal places")
        } else {
            problems.append("\(field) must be under 1000000000")
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    fileprivate var trimmingWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[first...last]
    }
}
