import Core
import Metrics
import Store

/// The sync's metrics, made through the factory passed in (never the global system):
/// - `storesync_sync_runs_total{mode, state}`: runs that ended (`succeeded`, `failed`) or paused,
/// - `storesync_sync_queue_depth`: items of the current run still pending,
/// - `storesync_sync_items_fetched_total{purpose, outcome}`: product fetches (`stored`, `partial`,
///   `not_found`, `failed`), scans and syncs alike,
/// - `storesync_sync_images_stored_total`, `storesync_images_evicted_total` (the image-store cap),
/// - `storesync_sync_credits_spent_total{mode}`: credits the sync spent (fetches and bulk-checks),
/// - `storesync_sync_listing_pages_total` and `storesync_sync_bulk_checks_total{replayed}`.
struct SyncMetrics: Sendable {
    let factory: any MetricsFactory

    func runEnded(mode: SyncMode, state: SyncRunState) {
        Counter(
            label: "storesync_sync_runs_total", dimensions: [("mode", mode.rawValue), ("state", state.rawValue)],
            factory: factory
        ).increment()
    }

    func queueDepth(_ pending: Int) {
        Gauge(label: "storesync_sync_queue_depth", factory: factory).record(pending)
    }

    func fetched(purpose: String, outcome: String) {
        Counter(
            label: "storesync_sync_items_fetched_total", dimensions: [("purpose", purpose), ("outcome", outcome)],
            factory: factory
        ).increment()
    }

    func imageStored() {
        Counter(label: "storesync_sync_images_stored_total", factory: factory).increment()
    }

    func imagesEvicted(_ count: Int) {
        guard count > 0 else { return }
        Counter(label: "storesync_images_evicted_total", factory: factory).increment(by: Int64(count))
    }

    func creditsSpent(_ credits: Credits, mode: SyncMode) {
        guard credits > .zero else { return }
        FloatingPointCounter(
            label: "storesync_sync_credits_spent_total", dimensions: [("mode", mode.rawValue)], factory: factory
        ).increment(by: credits.doubleValue)
    }

    func listingPage() {
        Counter(label: "storesync_sync_listing_pages_total", factory: factory).increment()
    }

    func bulkCheck(replayed: Bool) {
        Counter(
            label: "storesync_sync_bulk_checks_total", dimensions: [("replayed", replayed ? "true" : "false")],
            factory: factory
        ).increment()
    }
}
