import Core

/// One simulated day's figures.
public struct StoreDay: Sendable {
    public var day: Int
    /// How the night went: `ok`, `upstream down`, `429 storm`.
    public var night: String
    /// Credits the sandbox debited during the day (night included).
    public var credits: Credits
    /// What had to be paid: one fetch of each product that changed (or was never bought) among those
    /// the store carries or scanned, plus the bulk-checks.
    public var minimum: Credits
    /// Requests counted against the rate limit, and the day's budget.
    public var requests: Int
    public var budget: Int
    /// Scans of catalog products, and those answered from the cache and fresh.
    public var carriedScans: Int
    public var freshCarriedScans: Int
    /// Kept products (catalog, or scanned within `sync.keep_scanned`) whose answer would be fresh but
    /// whose metadata or front image is not upstream's current version, at the end of the day.
    public var wrong: Int

    /// Credits ÷ minimum (1 when both are zero).
    public var costRatio: Double {
        minimum == .zero
            ? (credits == .zero ? 1 : .infinity) : Double(credits.thousandths) / Double(minimum.thousandths)
    }

    /// The share of carried scans answered fresh from the cache.
    public var freshShare: Double { carriedScans == 0 ? 1 : Double(freshCarriedScans) / Double(carriedScans) }
}
