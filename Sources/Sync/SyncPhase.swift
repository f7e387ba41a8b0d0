/// The phases of a sync run, in order (stored in the run's cursor so a resume continues there).
enum SyncPhase: String, Sendable, Hashable {
    /// Paging through `GET /products` (delta and full).
    case listing
    /// Checking uncached catalog barcodes 500 at a time.
    case bulkCheck = "bulk_check"
    /// Fetching the queue.
    case fetching
}
