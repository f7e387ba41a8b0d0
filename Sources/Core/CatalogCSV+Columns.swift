extension CatalogCSV {
    /// A row-level problem message (an `Error` so rows can be parsed with `Result`).
    struct RowError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Where each known column sits in the header.
    struct Columns {
        let barcode: Int
        let name: Int
        let price: Int
        let stock: Int?
        let onSale: Int?
        let salePrice: Int?
        let unit: Int?

        init(header: [String]) throws(HeaderError) {
            let names = header.map { $0.trimmingSpaces.lowercased() }
            func index(_ name: String) -> Int? { names.firstIndex(of: name) }
            guard let barcode = index("barcode"), let name = index("name"), let price = index("price") else {
                throw HeaderError(
                    description: "the catalog header is \"\(header.joined(separator: ","))\"; it must name the "
                        + "columns barcode, name and price (and may add stock, on_sale, sale_price, unit)")
            }
            self.barcode = barcode
            self.name = name
            self.price = price
            self.stock = index("stock")
            self.onSale = index("on_sale")
            self.salePrice = index("sale_price")
            self.unit = index("unit")
        }

        func entry(from fields: [String]) -> Result<CatalogEntry, RowError> {
            func field(_ index: Int?) -> String? {
                guard let index, index < fields.count else { return nil }
                let value = fields[index].trimmingSpaces
                return value.isEmpty ? nil : value
            }
            guard let rawBarcode = field(barcode) else { return .failure(RowError("the barcode is empty")) }
            let code: StoreBarcode
            do { code = try StoreBarcode(validating: rawBarcode) } catch {
                return .failure(RowError("barcode \"\(rawBarcode)\": \(error)"))
            }
            guard let nameValue = field(name) else { return .failure(RowError("barcode \(code): the name is empty")) }
            guard let priceText = field(price), let priceValue = Money(parsing: priceText) else {
                return .failure(RowError("barcode \(code): price \"\(field(price) ?? "")\" is not a decimal like 4.99"))
            }
            var entry = CatalogEntry(storeBarcode: code, name: nameValue, price: priceValue)
            if let text = field(stock) {
                guard let value = Int(text), value >= 0 else {
                    return .failure(RowError("barcode \(code): stock \"\(text)\" is not a whole number ≥ 0"))
                }
                entry.stock = value
            }
            if let text = field(onSale) {
                switch text.lowercased() {
                case "true", "1", "yes", "y": entry.onSale = true
                case "false", "0", "no", "n": entry.onSale = false
                default:
                    return .failure(RowError("barcode \(code): on_sale \"\(text)\" is not true/false/1/0/yes/no"))
                }
            }
            if let text = field(salePrice) {
                guard let value = Money(parsing: text) else {
                    return .failure(RowError("barcode \(code): sale_price \"\(text)\" is not a decimal like 3.49"))
                }
                entry.salePrice = value
            }
            if let text = field(unit) {
                guard text.count <= CatalogCSV.maximumUnitLength else {
                    return .failure(
                        RowError(
                            "barcode \(code): unit \"\(text)\" is longer than \(CatalogCSV.maximumUnitLength) characters"
                        ))
                }
                entry.unit = text
            }
            return .success(entry)
        }
    }
}
