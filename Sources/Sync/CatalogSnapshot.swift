import Core
import Foundation

/// The store's own catalog at one moment (an immutable value, cheap to hand out on the hot path).
public struct CatalogSnapshot: Sendable {
    /// The usable rows, keyed by canonical barcode.
    public let entries: [Barcode: CatalogEntry]
    /// The configured `catalog.path`.
    public let path: String
    /// Whether a file was ever read successfully. `false` while the configured file has never been
    /// usable: the snapshot is then empty, and a sync must not take that for "the store carries
    /// nothing".
    public let isLoaded: Bool
    /// When the entries were read (the watcher's clock).
    public let loadedAt: Date?
    /// Rows skipped or warned about in the file the entries came from.
    public let problemCount: Int

    public init(
        entries: [Barcode: CatalogEntry], path: String, isLoaded: Bool, loadedAt: Date?, problemCount: Int = 0
    ) {
        self.entries = entries
        self.path = path
        self.isLoaded = isLoaded
        self.loadedAt = loadedAt
        self.problemCount = problemCount
    }

    /// The entry of `barcode`, if the store sells it.
    public subscript(barcode: Barcode) -> CatalogEntry? { entries[barcode] }

    /// Whether the store sells `barcode`.
    public func contains(_ barcode: Barcode) -> Bool { entries[barcode] != nil }

    /// How many products the store sells.
    public var count: Int { entries.count }
}
