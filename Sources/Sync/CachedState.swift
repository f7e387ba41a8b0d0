import Core
import Store

/// What the cache holds for one product, as far as deciding whether to fetch it again goes.
struct CachedState: Sendable, Hashable {
    /// Upstream's `updated_at` of the cached record.
    var updatedAt: String
    /// When the record was fetched (local clock).
    var fetchedAt: UnixMillis
    /// Each stored image's product `updated_at` (the version it was fetched with).
    var images: [ImageVariant: String]
    /// Variants the image-store cap evicted: not stored, yet not a reason to buy the product again
    /// (a scan of it does).
    var evicted: Set<ImageVariant> = []

    /// Whether the cache already has what a fetch would bring: for a delta, the listed version (or a
    /// newer one) with every wanted image of that version stored; with `fetchedSince` (full refresh,
    /// given barcodes), a record fetched at or after that instant with its wanted images. An evicted
    /// image counts as stored.
    func isCurrent(listedUpdatedAt: String?, wanted: [ImageVariant], fetchedSince: UnixMillis? = nil) -> Bool {
        let imagesCurrent = wanted.allSatisfy { images[$0] == updatedAt || evicted.contains($0) }
        if let fetchedSince { return fetchedAt >= fetchedSince && imagesCurrent }
        guard let listedUpdatedAt, !ListingCursor.isLater(listedUpdatedAt, than: updatedAt) else { return false }
        return imagesCurrent
    }

    /// The states of those of `barcodes` that are cached.
    static func read(
        _ barcodes: some Sequence<Barcode>, on connection: some ReadableConnection
    ) throws -> [Barcode:
        CachedState]
    {
        var states: [Barcode: CachedState] = [:]
        for barcode in barcodes {
            guard let record = try connection.product(barcode) else { continue }
            var images: [ImageVariant: String] = [:]
            for image in try connection.images(for: barcode) { images[image.variant] = image.productUpdatedAt }
            states[barcode] = CachedState(
                updatedAt: record.updatedAt, fetchedAt: record.fetchedAt, images: images,
                evicted: Set(try connection.evictedVariants(for: barcode)))
        }
        return states
    }
}
