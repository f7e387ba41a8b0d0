import Core
import Foundation
import Sandbox

/// Valid barcodes and product bodies for the Retagly tests.
enum RetaglyFixtures {
    /// The `n`-th valid UPC-A (12 digits, check digit computed), distinct for distinct `n`.
    static func barcode(_ n: Int) -> String {
        let body = "7" + String(format: "%010d", n)
        let digits = body.utf8.map { $0 - UInt8(ascii: "0") }
        return body + String(Barcode.checkDigit(of: digits))
    }

    /// A whole product body.
    static func product(
        _ barcode: String, name: String = "Example Cereal", price: String = "4.99", stock: Int? = nil
    ) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("barcode", .string(barcode)), ("name", .string(name)), ("price", .number(price)),
        ]
        if let stock { members.append(("stock", .int(stock))) }
        return .object(members)
    }

    /// A barcode whose bound display count is `displays` (searched deterministically).
    static func barcode(withDisplays displays: Int, after start: Int = 0) -> String {
        var n = start
        while RetaglyDisplays.count(for: barcode(n)) != displays { n += 1 }
        return barcode(n)
    }
}
