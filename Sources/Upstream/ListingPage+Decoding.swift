import Core
import Foundation

extension ListingPage {
    /// Decodes a listing answer (pure). A row without a valid barcode or `updated_at` is skipped
    /// (and counted); unknown variants are left out.
    static func decode(_ body: [UInt8], facts: ResponseFacts) throws(DecodeFailure) -> ListingPage {
        let answer = try AnswerJSON.decode(Answer.self, body, what: "listing")
        let pagination = answer.pagination
        for (value, key) in [
            (pagination.page, "page"), (pagination.perPage, "per_page"), (pagination.total, "total"),
            (pagination.totalPages, "total_pages"),
        ] {
            try AnswerNumber.check(Int64(value), "pagination.\(key)", in: CheckedNumber.count, what: "listing")
        }
        let decoder = JSONValueDecoder()
        let items = answer.data.compactMap { row -> ListedProduct? in
            guard let row = try? decoder.decode(Row.self, from: row), let barcode = Barcode(row.barcode) else {
                return nil
            }
            let variants = (row.variants?.arrayValue ?? []).compactMap { $0.stringValue.flatMap(ImageVariant.init) }
            return ListedProduct(
                barcode: barcode, updatedAt: row.updatedAt, updatedAtDate: Timestamp.parse(row.updatedAt),
                variants: variants.sorted())
        }
        return ListingPage(
            items: items, page: pagination.page, perPage: pagination.perPage, total: pagination.total,
            totalPages: pagination.totalPages, serverTime: AnswerJSON.serverTime(meta: answer.meta, facts: facts),
            skippedRows: answer.data.count - items.count)
    }

    /// `{"data": [rows], "pagination": {…}, "meta": {…}}`.
    private struct Answer: Decodable {
        var data: [JSONValue]
        var pagination: Pagination
        var meta: JSONValue?
    }

    /// The listing's paging, each a count within `0…Int32.max`.
    private struct Pagination: Decodable {
        var page: Int
        var perPage: Int
        var total: Int
        var totalPages: Int
    }

    /// One row: `{"barcode", "updated_at", "variants"}`.
    private struct Row: Decodable {
        var barcode: String
        var updatedAt: String
        /// Names of variants; anything else counts as none.
        var variants: JSONValue?
    }
}
