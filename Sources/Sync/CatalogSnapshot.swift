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
    /// For each ambiguous 8-digit catalog code (valid both as EAN-8 and as UPC-E), the UPC-A its
    /// UPC-E reading expands to → the code: the product the store sells may be keyed upstream by it.
    public let upcEReadings: [Barcode: Barcode]

    public init(
        entries: [Barcode: CatalogEntry], path: String, isLoaded: Bool, loadedAt: Date?, problemCount: Int = 0
    ) {
        self.entries = entries
        self.path = path
        self.isLoaded = isLoaded
        self.loadedAt = loadedAt
        self.problemCount = problemCount
        var readings: [Barcode: Barcode] = [:]
        for code in entries.keys {
            if let upcA = code.upcEExpansion { readings[upcA] = code }
        }
        self.upcEReadings = readings
    }

    /// The entry of `barcode`, if the store sells it.
    public subscript(barcode: Barcode) -> CatalogEntry? { entries[barcode] }

    /// Whether the store sells `barcode`: a catalog row reads as it, or an ambiguous 8-digit code of
    /// the catalog may mean it (it is the UPC-A that code's UPC-E reading expands to).
    public func contains(_ barcode: Barcode) -> Bool { entries[barcode] != nil || upcEReadings[barcode] != nil }

    /// The keys to ask upstream about for the catalog's codes (in-store codes left out): each code,
    /// and after an ambiguous one the UPC-A its UPC-E reading expands to, in code order.
    public var upstreamReadings: [Barcode] {
        entries.keys.filter { !$0.isInStore }.sorted().flatMap(\.readings)
    }

    /// How many products the store sells.
    public var count: Int { entries.count }
}
