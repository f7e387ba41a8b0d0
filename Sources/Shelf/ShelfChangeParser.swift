import Core

/// Validates the body of `POST /v1/shelf/products` (pure): `{"products": [{"barcode", "price",
/// "name", "stock", "on_sale", "sale_price", "unit"}, …]}`. Every item is checked and every problem
/// reported; one bad item rejects the whole body.
///
/// Rules: `barcode` a string that ``Barcode/init(validating:)`` accepts, kept as sent (the store's
/// identity toward Retagly, see ``StoreBarcode``); `price`
/// and `sale_price` a JSON number ≥ 0 with at most 2 decimals, or the same as a string (`"4.99"`,
/// for POS stacks that serialise decimals as strings to keep them exact); `sale_price` may be
/// `null` (clears it); `stock` a whole JSON number ≥ 0 or `null` (clears it); `on_sale` a boolean;
/// `name` a non-blank string of at most 200 characters; `unit` (Retagly's selling unit: `each`, `kg`,
/// …) a non-blank string of at most 32 characters. Name, price, on_sale and unit cannot be cleared.
/// An item must set at least one field; unknown fields are errors (a typo is never ignored).
enum ShelfChangeParser {
    static let knownFields: Set<String> = ["barcode", "price", "name", "stock", "on_sale", "sale_price", "unit"]
    static let maximumNameLength = 200
    static let maximumUnitLength = CatalogCSV.maximumUnitLength
    static let maximumStock = 1_000_000_000

    /// Why the body as a whole is unusable.
    enum BodyError: Error, Equatable {
        /// Not JSON, or not `{"products": [...]}`.
        case malformed(String)
        /// More items than allowed.
        case tooMany(count: Int, limit: Int)
        /// Items with problems.
        case items([ErrorDocument.Item])
    }

    /// The changes of `body`, in order, or why it is refused.
    static func parse(_ body: [UInt8], limit: Int) -> Result<[ShelfChange], BodyError> {
        // Counted first, without building anything: 4 MiB of `{}` would otherwise be a million values.
        let counted = ShelfProductCount.count(body)
        guard counted <= limit else { return .failure(.tooMany(count: counted, limit: limit)) }
        let document: JSONValue
        do {
            document = try JSONValue(parsing: body)
        } catch {
            return .failure(.malformed("the body is not JSON (\(error.description)); send {\"products\": [...]}"))
        }
        guard let members = document.objectValue else {
            return .failure(.malformed("the body must be a JSON object {\"products\": [...]}"))
        }
        if let unknown = members.first(where: { $0.key != "products" }) {
            return .failure(.malformed("unknown field '\(unknown.key)' in the body; it takes only products"))
        }
        guard let items = document["products"]?.arrayValue else {
            return .failure(.malformed("products is required: an array of changes"))
        }
        guard !items.isEmpty else { return .failure(.malformed("products is empty; send at least one change")) }
        guard items.count <= limit else { return .failure(.tooMany(count: items.count, limit: limit)) }
        var changes: [ShelfChange] = []
        var problems: [ErrorDocument.Item] = []
        for (index, item) in items.enumerated() {
            switch parseItem(item, index: index) {
            case .success(let change): changes.append(change)
            case .failure(let problem): problems.append(problem)
            }
        }
        return problems.isEmpty ? .success(changes) : .failure(.items(problems))
    }

    /// Validates one item.
    static func parseItem(_ item: JSONValue, index: Int) -> Result<ShelfChange, ErrorDocument.Item> {
        guard let members = item.objectValue else {
            return .failure(ErrorDocument.Item(index: index, barcode: nil, message: "a change must be a JSON object"))
        }
        var problems: [String] = []
        for member in members where !knownFields.contains(member.key) {
            problems.append(
                "unknown field '\(member.key)'; a change takes barcode, price, name, stock, on_sale, sale_price, unit")
        }
        var barcode: StoreBarcode?
        switch item["barcode"] {
        case nil, .null?: problems.append("barcode is required")
        case .string(let text)?:
            do throws(BarcodeError) {
                barcode = try StoreBarcode(validating: text)
            } catch {
                problems.append(error.description)
            }
        default: problems.append("barcode must be a string of digits (8, 12, 13 or 14)")
        }
        var fields = ShelfFields()
        fields.name = name(item["name"], problems: &problems)
        fields.unit = unit(item["unit"], problems: &problems)
        if let price = item["price"] { fields.price = money(price, field: "price", problems: &problems) }
        switch item["sale_price"] {
        case nil: break
        case .null?: fields.salePrice = .null
        case let value?: fields.salePrice = money(value, field: "sale_price", problems: &problems).map { .value($0) }
        }
        switch item["stock"] {
        case nil: break
        case .null?: fields.stock = .null
        case .number(let literal)? where Int(literal).map({ (0...maximumStock).contains($0) }) == true:
            fields.stock = .value(Int(literal)!)
        default: problems.append("stock must be a whole number from 0 to \(maximumStock), or null to clear it")
        }
        switch item["on_sale"] {
        case nil: break
        case .bool(let flag)?: fields.onSale = flag
        default: problems.append("on_sale must be true or false")
        }
        if problems.isEmpty, fields.isEmpty {
            problems.append(
                "the change sets nothing; send at least one of price, name, stock, on_sale, sale_price, unit")
        }
        guard problems.isEmpty, let barcode else {
            return .failure(
                ErrorDocument.Item(
                    index: index, barcode: item["barcode"]?.stringValue, message: problems.joined(separator: "; ")))
        }
        return .success(ShelfChange(barcode: barcode, fields: fields))
    }
}
