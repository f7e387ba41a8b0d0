import Core
import Store
import Upstream

/// Which listed products a run pays for, and which it only marks out of date (pure).
enum SyncPlanner {
    /// What one listing page gives: the work to queue, and the cached products the page shows at a
    /// newer version that the store does not keep current (marked stale, bought again only when
    /// scanned).
    struct Plan: Equatable {
        var work: [SyncWorkItem] = []
        var outdated: [Barcode] = []
    }

    /// The plan for a listing page.
    ///
    /// - A product is *kept current* when the store catalog lists it or a lane scanned it at or after
    ///   `keepScannedSince` (`sync.keep_scanned`). Nobody asks about anything else, so nothing else
    ///   is bought. In-store codes never go upstream.
    /// - A product cached at the listed `updated_at` (or newer) with every wanted image of that
    ///   version stored is current: neither queued nor marked (the listing proves it, for free).
    ///   This holds for a full refresh too: it lists everything, and pays only for what changed.
    /// - A cached product shown at a newer version is queued when kept current, else marked outdated.
    /// - Priority is the scan count (most scanned first).
    static func plan(
        for items: [ListedProduct], catalog: CatalogSnapshot?, cached: [Barcode: CachedState],
        scans: [Barcode: ScanCount], keepScannedSince: UnixMillis, fetch: FetcherConfiguration
    ) -> Plan {
        var seen = Set<Barcode>()
        var plan = Plan()
        for item in items.reversed() where seen.insert(item.barcode).inserted {
            let barcode = item.barcode
            guard !barcode.isInStore else { continue }
            let state = cached[barcode]
            if let state,
                state.isCurrent(listedUpdatedAt: item.updatedAt, wanted: fetch.wantedVariants(available: item.variants))
            {
                continue
            }
            let scan = scans[barcode]
            if isKept(barcode, catalog: catalog, scan: scan, keepScannedSince: keepScannedSince) {
                plan.work.append(
                    SyncWorkItem(
                        barcode: barcode, priority: scan?.count ?? 0, variants: item.variants,
                        listedUpdatedAt: item.updatedAt))
            } else if state != nil {
                plan.outdated.append(barcode)
            }
        }
        plan.work.reverse()
        plan.outdated.reverse()
        return plan
    }

    /// Whether the store keeps `barcode` current: its catalog lists it, or a lane scanned it at or
    /// after `keepScannedSince` (`sync.keep_scanned`).
    static func isKept(
        _ barcode: Barcode, catalog: CatalogSnapshot?, scan: ScanCount?, keepScannedSince: UnixMillis
    ) -> Bool {
        catalog?.contains(barcode) == true || (scan.map { $0.lastScannedAt >= keepScannedSince } ?? false)
    }
}
