import Core
import Foundation

extension ListingPage {
    /// Decodes a listing answer (pure).
    static func decode(_ body: [UInt8], facts: ResponseFacts) throws(DecodeFailure) -> ListingPage {
        let json = try AnswerJSON.object(body, what: "listing")
        guard let rows = json["data"]?.arrayValue else { throw .contract("the listing has no `data` array") }
        guard let pagination = json["pagination"], pagination.objectValue != nil else {
            throw .contract("the listing has no `pagination` object")
        }
        func count(_ key: String) throws(DecodeFailure) -> Int {
            try AnswerNumber.integer(pagination[key], "pagination.\(key)", in: CheckedNumber.count, what: "listing")
        }
        let page = try count("page")
        let perPage = try count("per_page")
        let total = try count("total")
        let totalPages = try count("total_pages")
        var items: [ListedProduct] = []
        items.reserveCapacity(rows.count)
        var skipped = 0
        for row in rows {
            guard let text = row["barcode"]?.stringValue, let barcode = Barcode(text),
                let updatedAt = row["updated_at"]?.stringValue
            else {
                skipped += 1
                continue
            }
            let variants = (row["variants"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap(ImageVariant.init) }
            items.append(
                ListedProduct(
                    barcode: barcode, updatedAt: updatedAt, updatedAtDate: Timestamp.parse(updatedAt),
                    variants: variants.sorted()))
        }
        return ListingPage(
            items: items, page: page, perPage: perPage, total: total, totalPages: totalPages,
            serverTime: AnswerJSON.serverTime(meta: json["meta"], facts: facts), skippedRows: skipped)
    }
}
