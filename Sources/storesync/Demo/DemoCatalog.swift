import Core
import Foundation
import Sandbox

/// The demo store's catalog export: products the sandbox has, a few it does not, in-store codes
/// (deli, produce by weight), and one broken row, so the demo shows each path of a lookup.
struct DemoCatalog {
    let carried: [String]
    let unknownUpstream: [String]
    let inStore: [String]
    let csv: String

    init(sandbox: Sandbox, carried count: Int) {
        let all = sandbox.barcodes.sorted()
        let stride = max(1, all.count / count)
        var carried = Swift.stride(from: 0, to: all.count, by: stride).prefix(count).map { all[$0] }
        if !carried.contains("017000161563") { carried[0] = "017000161563" }
        self.carried = carried
        let known = Set(all)
        self.unknownUpstream = (0..<400).lazy.map { Self.upc("7\(String(format: "%09d", 123_400 + $0 * 7))") }
            .filter { !known.contains($0) }.prefix(5).map { $0 }
        self.inStore = [Self.upc("2012345000"), Self.upc("2098765000")]
        var lines = ["barcode,name,price,stock,on_sale,sale_price"]
        for (index, barcode) in carried.enumerated() {
            let name = sandbox.product(barcode)?.productMeta["product_name"]?.stringValue ?? "Item \(index)"
            let cents = 99 + (index * 37) % 900
            let sale = index % 7 == 0
            lines.append(
                "\(barcode),\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\",\(Money(cents: Int64(cents))),"
                    + "\(index % 40),\(sale),\(sale ? Money(cents: Int64(cents - 20)).description : "")")
        }
        for (index, barcode) in unknownUpstream.enumerated() {
            lines.append("\(barcode),Store brand item \(index + 1),2.49,10,false,")
        }
        lines.append("\(inStore[0]),Deli turkey breast (by weight),8.99,,false,")
        lines.append("\(inStore[1]),Bananas (by weight),0.69,,false,")
        lines.append("12345,A row with a broken barcode,1.00,,,")
        self.csv = lines.joined(separator: "\n") + "\n"
    }

    /// A UPC-A from its first 11 digits (10 digits are padded with a trailing 0 first).
    static func upc(_ body: String) -> String {
        let digits = Array(body.utf8.map { $0 - 48 }.prefix(11))
        let padded = digits + Array(repeating: 0, count: max(0, 11 - digits.count))
        return String(decoding: (padded + [Barcode.checkDigit(of: padded)]).map { $0 + 48 }, as: UTF8.self)
    }
}
