/// Why upstream is believed not to have a barcode (or not to give it to this client).
public enum NegativeReason: String, Sendable, Hashable, CaseIterable {
    /// `GET /products/{barcode}` answered `404 not_found`.
    case notFound = "not_found"
    /// `POST /products/bulk-check` answered `"exists": false`.
    case bulkCheck = "bulk_check"
    /// `GET /products/{barcode}` answered `403 scope_forbidden`: the product exists but is outside
    /// the client's brand scope. Forgotten at an operator's resync (the scope may have been widened).
    case scopeForbidden = "scope_forbidden"
}
