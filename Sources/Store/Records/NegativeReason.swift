/// Why upstream is believed not to have a barcode.
public enum NegativeReason: String, Sendable, Hashable, CaseIterable {
    /// `GET /products/{barcode}` answered `404 not_found`.
    case notFound = "not_found"
    /// `POST /products/bulk-check` answered `"exists": false`.
    case bulkCheck = "bulk_check"
}
