import Foundation

/// One page of `GET /products?updated_since=…`.
public struct ListingPage: Sendable {
    public var items: [ListedProduct]
    public var page: Int
    public var perPage: Int
    public var total: Int
    public var totalPages: Int
    /// The server's clock at the answer (`meta.response_generated`, else `Date`).
    public var serverTime: Date?
    /// Rows skipped because their barcode is not a valid GTIN (logged with a warning).
    public var skippedRows: Int

    public init(
        items: [ListedProduct], page: Int, perPage: Int, total: Int, totalPages: Int, serverTime: Date?,
        skippedRows: Int = 0
    ) {
        self.items = items
        self.page = page
        self.perPage = perPage
        self.total = total
        self.totalPages = totalPages
        self.serverTime = serverTime
        self.skippedRows = skippedRows
    }

    /// Whether more pages follow.
    public var hasMore: Bool { page < totalPages }
}
