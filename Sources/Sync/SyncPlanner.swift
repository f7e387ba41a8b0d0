import Core
import Store
import Upstream

/// Which listed products a run queues (pure).
enum SyncPlanner {
    /// The work a listing page gives.
    ///
    /// - A product is *carried* when the store catalog lists it or the cache already holds it
    ///   (a product scanned at a lane is one the store sells); without a catalog every listed
    ///   product is carried, as in the seed's nightly script. In-store codes never go upstream.
    /// - A delta skips a product cached at the listed `updated_at` (or newer) with every wanted image
    ///   of that version stored: the overlap window lists it again and it must not be paid twice.
    ///   A full refresh queues every carried product.
    /// - Priority is the scan count (most scanned first).
    static func work(
        for items: [ListedProduct], mode: SyncMode, catalog: CatalogSnapshot?, cached: [Barcode: CachedState],
        scanCounts: [Barcode: Int], fetch: FetcherConfiguration
    ) -> [SyncWorkItem] {
        var seen = Set<Barcode>()
        var work: [SyncWorkItem] = []
        for item in items.reversed() where seen.insert(item.barcode).inserted {
            let barcode = item.barcode
            guard !barcode.isInStore else { continue }
            let carried = catalog == nil || catalog?.contains(barcode) == true || cached[barcode] != nil
            guard carried else { continue }
            if mode == .delta, let state = cached[barcode],
                state.isCurrent(listedUpdatedAt: item.updatedAt, wanted: fetch.wantedVariants(available: item.variants))
            {
                continue
            }
            work.append(
                SyncWorkItem(
                    barcode: barcode, priority: scanCounts[barcode] ?? 0, variants: item.variants,
                    listedUpdatedAt: item.updatedAt))
        }
        return work.reversed()
    }
}
