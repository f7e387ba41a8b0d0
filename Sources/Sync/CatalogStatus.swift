import Foundation

/// The status document's `catalog` block: the store catalog file and how its last reading went.
public struct CatalogStatus: Codable, Sendable, Hashable {
    public var path: String
    public var loaded: Bool
    public var products: Int
    public var loadedAt: Date?
    /// Rows skipped or warned about.
    public var problems: Int

    public init(_ snapshot: CatalogSnapshot) {
        path = snapshot.path
        loaded = snapshot.isLoaded
        products = snapshot.count
        loadedAt = snapshot.loadedAt
        problems = snapshot.problemCount
    }
}
