import Core
import Foundation

extension SandboxState {
    /// `GET /products`: the catalog in (`updated_at`, barcode) order, filtered and paged. Free.
    mutating func listing(_ request: SandboxAPIRequest, now: Date, fault: Fault?) -> SandboxAPIResponse {
        authenticated(request, now: now, fault: fault) { state, caller throws(SandboxAPIError) in
            let query = try ListingQuery(request.query)
            var ordered = state.catalog.ordered()[...]
            if let since = query.updatedSince {
                let sinceSeconds = since.timeIntervalSince1970
                let start = Self.firstIndex(in: ordered) { $0.updatedAt.timeIntervalSince1970 >= sinceSeconds }
                ordered = ordered[start...]
            }
            let matching = ordered.filter { query.matches($0) && state.inScope($0, clientID: caller.clientID) }
            let total = matching.count
            let first = min(total, (query.page - 1).multipliedReportingOverflow(by: query.perPage).partialValue)
            let pageItems = matching[first..<min(total, first + query.perPage)]
            let data: [JSONValue] = pageItems.map { product in
                [
                    "barcode": .string(product.barcode), "brand": .string(product.brand),
                    "product_name": .string(product.productName), "updated_at": .string(product.updatedAtText),
                    "variants": .array(product.variants.map { .string($0.rawValue) }),
                ]
            }
            let pagination: JSONValue = [
                "page": .int(query.page), "per_page": .int(query.perPage), "total": .int(total),
                "total_pages": .int((total + query.perPage - 1) / query.perPage),
            ]
            return SandboxHandled(body: [("data", .array(data)), ("pagination", pagination)])
        }
    }

    /// The first index of a sorted slice where `predicate` holds (binary search; it must hold for
    /// a suffix).
    static func firstIndex(
        in items: ArraySlice<SandboxProduct>, where predicate: (SandboxProduct) -> Bool
    ) -> Int {
        var low = items.startIndex
        var high = items.endIndex
        while low < high {
            let middle = (low + high) / 2
            if predicate(items[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
