import Core
import Foundation

/// A lookup answer for a person: what it is, where it came from and how old it is.
enum LookupText {
    static func render(_ answer: JSONValue, now: Date = Date()) -> String {
        let barcode = answer["barcode"]?.stringValue ?? "?"
        let meta = answer["product_meta"]
        let catalog = answer["catalog"]
        let name = meta?["product_name"]?.stringValue ?? catalog?["name"]?.stringValue ?? "(no name)"
        var lines: [String] = []
        var title = "\(barcode)  \(name)"
        if let brand = meta?["brand"]?.stringValue { title += " (\(brand))" }
        lines.append(title)
        lines.append(row("from", origin(answer, now: now)))
        if let catalog, !catalog.isNull { lines.append(row("store", storeLine(catalog))) }
        if let meta, !meta.isNull {
            let facts = productFacts(meta)
            if !facts.isEmpty { lines.append(row("product", facts.joined(separator: " · "))) }
            if let allergens = meta["allergens"]?.arrayValue?.compactMap(\.stringValue), !allergens.isEmpty {
                lines.append(row("allergens", allergens.joined(separator: ", ")))
            }
        }
        let images = answer["images"]?.objectValue ?? []
        if images.isEmpty {
            lines.append(row("images", "none stored"))
        }
        for (index, image) in images.enumerated() {
            let size = image.value["bytes"]?.intValue.map(ByteText.format) ?? "?"
            let text =
                "\(image.key)  \(image.value["content_type"]?.stringValue ?? "?")  \(size)  "
                + (image.value["path"]?.stringValue ?? "")
            lines.append(row(index == 0 ? "images" : "", text))
        }
        return lines.joined(separator: "\n")
    }

    private static func row(_ label: String, _ value: String) -> String {
        "  " + label.padding(toLength: 10, withPad: " ", startingAt: 0) + " " + value
    }

    private static func origin(_ answer: JSONValue, now: Date) -> String {
        let source = answer["source"]?.stringValue ?? "?"
        switch source {
        case "catalog":
            return "the store catalog only (Retail Digitals does not know this barcode)"
        default:
            var text = source == "live" ? "Retail Digitals, fetched just now" : "the local cache"
            if source != "live", let fetched = answer["fetched_at"]?.stringValue.flatMap(Timestamp.parse) {
                text += ", fetched \(AgeText.format(now.timeIntervalSince(fetched))) ago"
            }
            if answer["stale"] == true { text += " (stale: a refresh is on its way)" }
            if let updated = answer["updated_at"]?.stringValue { text += "; updated upstream \(updated)" }
            return text
        }
    }

    private static func storeLine(_ catalog: JSONValue) -> String {
        var parts: [String] = []
        if let name = catalog["name"]?.stringValue { parts.append(name) }
        if case .number(let price) = catalog["price"] { parts.append(price) }
        if catalog["on_sale"] == true, case .number(let sale) = catalog["sale_price"] {
            parts.append("on sale \(sale)")
        }
        if let stock = catalog["stock"]?.intValue { parts.append("stock \(stock)") }
        return parts.joined(separator: " · ")
    }

    private static func productFacts(_ meta: JSONValue) -> [String] {
        var facts: [String] = []
        for key in ["category", "bracha"] { if let value = meta[key]?.stringValue { facts.append(value) } }
        for hechsher in meta["hechshers"]?.arrayValue ?? [] {
            let symbol = hechsher["symbol"]?.stringValue ?? "?"
            facts.append([symbol, hechsher["dairy_meat_pareve"]?.stringValue].compactMap { $0 }.joined(separator: " "))
        }
        for flag in ["kosher_for_passover", "gluten_free", "vegan", "organic"] where meta[flag] == true {
            facts.append(flag.replacingOccurrences(of: "_", with: " "))
        }
        return facts
    }
}

/// Sizes for people: `35.2 KB`, `1.4 MB`.
enum ByteText {
    static func format(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let units = ["KB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return String(format: "%.1f %@", value, units[unit])
    }
}

/// Ages for people: `12 s`, `5 min`, `3 h`, `2 d`.
enum AgeText {
    static func format(_ seconds: TimeInterval) -> String {
        let value = max(0, Int(seconds))
        switch value {
        case ..<60: return "\(value) s"
        case ..<3600: return "\(value / 60) min"
        case ..<172_800: return "\(value / 3600) h"
        default: return "\(value / 86_400) d"
        }
    }
}
