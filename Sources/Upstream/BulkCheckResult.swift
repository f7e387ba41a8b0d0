import Core

/// The answer of `POST /products/bulk-check`.
public struct BulkCheckResult: Sendable {
    /// One line per barcode asked about, in the answer's order.
    public var results: [BulkCheckItem]
    /// Whether upstream replayed a stored answer for the Idempotency-Key (`Idempotency-Replayed: 1`,
    /// nothing charged).
    public var replayed: Bool
    /// What this call debited (`X-Credits-Debited`; 0 on a replay).
    public var creditsDebited: Credits?
    /// What the formula says a fresh (not replayed) check of these barcodes costs.
    public var expectedCost: Credits

    public init(results: [BulkCheckItem], replayed: Bool, creditsDebited: Credits?, expectedCost: Credits) {
        self.results = results
        self.replayed = replayed
        self.creditsDebited = creditsDebited
        self.expectedCost = expectedCost
    }

    /// The line of `barcode`, if any.
    public subscript(barcode: Barcode) -> BulkCheckItem? { results.first { $0.barcode == barcode } }
}
