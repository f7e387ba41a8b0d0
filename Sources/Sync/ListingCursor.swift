import Core
import Foundation
import Upstream

/// The position of a listing in `GET /products?updated_since=…`, paged by keyset (pure).
///
/// Page numbers alone skip rows when products change while a client pages (a changed product
/// moves to the end and every later row shifts one place up). So after each full page the next
/// request starts from the last row's `updated_at` (`updated_since` is inclusive: rows sharing that
/// timestamp come again and are deduplicated by barcode), at page 1. Only when a whole page shares
/// the `updated_since` timestamp does it fall back to the next page number (inside one timestamp
/// the order is by barcode; a product changed meanwhile gets a newer timestamp and leaves that
/// group for the end, where the keyset reaches it).
struct ListingCursor: Sendable, Hashable {
    /// `updated_since` as upstream wrote it (`nil`: from the beginning).
    var since: String?
    /// The page number under that `updated_since`.
    var page: Int

    init(since: String?, page: Int = 1) {
        self.since = since
        self.page = max(1, page)
    }

    /// Whether timestamp `text` is later than `other` (by date when both parse, else as text).
    static func isLater(_ text: String, than other: String) -> Bool {
        if let date = Timestamp.parse(text), let otherDate = Timestamp.parse(other) { return date > otherDate }
        return text > other
    }

    /// `since` as a date for the client (`nil` when absent or unreadable: list from the beginning).
    var sinceDate: Date? { since.flatMap(Timestamp.parse) }

    /// The cursor after a page of `items` read at this cursor with `perPage` per page; `nil` when the
    /// listing is complete (a page that is not full is the last).
    func next(after items: [ListedProduct], perPage: Int) -> ListingCursor? {
        guard items.count >= perPage, let last = items.last else { return nil }
        if let since, !Self.isLater(last.updatedAt, than: since) { return ListingCursor(since: since, page: page + 1) }
        return ListingCursor(since: last.updatedAt, page: 1)
    }
}
