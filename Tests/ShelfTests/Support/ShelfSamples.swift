import Core
import Foundation
import Sandbox

/// Barcodes and change bodies for the shelf tests.
enum ShelfSamples {
    /// The `n`-th valid UPC-A (12 digits, check digit computed), distinct for distinct `n`, as a store
    /// writes it.
    static func barcode(_ n: Int) -> StoreBarcode {
        let body = "7" + String(format: "%010d", n)
        let digits = body.utf8.map { $0 - UInt8(ascii: "0") }
        return StoreBarcode(Barcode(trustedCanonical: body + String(Barcode.checkDigit(of: digits))))
    }

    /// A change body: the barcode and the given fields (snake_case, as the POS sends them).
    static func change(_ barcode: StoreBarcode, _ fields: [(String, JSONValue)]) -> JSONValue {
        .object([("barcode", .string(barcode.digits))] + fields.map { (key: $0.0, value: $0.1) })
    }

    /// A whole product change: name and price (and optionally stock).
    static func product(
        _ barcode: StoreBarcode, name: String = "Oat Rings", price: String = "4.99", stock: Int? = nil
    )
        -> JSONValue
    {
        var fields: [(String, JSONValue)] = [("name", .string(name)), ("price", .number(price))]
        if let stock { fields.append(("stock", .int(stock))) }
        return change(barcode, fields)
    }

    /// Money from text (test values are always valid).
    static func money(_ text: String) -> Money { Money(parsing: text)! }
}
