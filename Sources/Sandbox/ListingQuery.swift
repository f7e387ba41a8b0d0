import Core
import Foundation

/// The query of `GET /products`, validated: paging and filters.
struct ListingQuery: Sendable, Hashable {
    var page = 1
    var perPage = 100
    var updatedSince: Date?
    var search: String?
    var hasFront: Bool?
    var minDigits: Int?
    var ownership: String?

    init(_ query: [String: String]) throws(SandboxAPIError) {
        if let text = query["page"] {
            guard let value = Int(text), value >= 1 else {
                throw .badRequest("page must be a whole number from 1 (got '\(text)').")
            }
            page = value
        }
        if let text = query["per_page"] {
            guard let value = Int(text), (1...500).contains(value) else {
                throw .badRequest("per_page must be a whole number from 1 to 500 (got '\(text)').")
            }
            perPage = value
        }
        if let text = query["updated_since"] {
            guard let date = Timestamp.parse(text) else {
                throw .badRequest("updated_since must be an ISO date (2026-07-02) or datetime (2026-07-02T00:00:00Z).")
            }
            updatedSince = date
        }
        if let text = query["search"], !text.isEmpty { search = text.lowercased() }
        if let text = query["has_front"] {
            switch text.lowercased() {
            case "true": hasFront = true
            case "false": hasFront = false
            default: throw .badRequest("has_front must be true or false (got '\(text)').")
            }
        }
        if let text = query["min_digits"] {
            guard let value = Int(text), (0...14).contains(value) else {
                throw .badRequest("min_digits must be a whole number from 0 to 14 (got '\(text)').")
            }
            minDigits = value
        }
        if let text = query["ownership"], !text.isEmpty { ownership = text }
    }

    /// Whether `product` passes every filter except `updated_since` (applied on the ordered list).
    func matches(_ product: SandboxProduct) -> Bool {
        if let search {
            let hit =
                product.barcode.contains(search) || product.brand.lowercased().contains(search)
                || product.productName.lowercased().contains(search)
            if !hit { return false }
        }
        if let hasFront, product.has(.front) != hasFront { return false }
        if let minDigits, product.barcode.count < minDigits { return false }
        if let ownership {
            let owners = product.imageMeta.values.compactMap { $0["ownership"]?.stringValue?.lowercased() }
            if !owners.contains(ownership.lowercased()) { return false }
        }
        return true
    }
}
