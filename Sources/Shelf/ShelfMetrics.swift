import CoreMetrics
import Metrics
import Synchronization

/// The shelf push's metrics, created from the `MetricsFactory` passed in (the Daemon's Prometheus
/// registry; never the global one):
///
/// - `storesync_shelf_outbox_depth` (gauge): changes waiting for delivery.
/// - `storesync_shelf_outbox_oldest_age_seconds` (gauge): age of the oldest waiting change.
/// - `storesync_shelf_outbox_blocked` (gauge): changes held back by an item error.
/// - `storesync_shelf_changes_accepted_total` (counter): changes the socket accepted.
/// - `storesync_shelf_requests_total{endpoint, status}` (counter): Retagly calls by endpoint and
///   HTTP status (`error` when no answer arrived).
/// - `storesync_shelf_products_delivered_total{endpoint}` (counter): products Retagly confirmed.
/// - `storesync_shelf_item_errors_total` (counter): products refused (kept, shown in status).
/// - `storesync_shelf_sessions_total{outcome}` (counter): batch sessions by outcome.
/// - `storesync_shelf_tags_confirmed_ratio` (gauge): tagsConfirmed / tagsTotal of the last session.
final class ShelfMetrics: Sendable {
    private let factory: any MetricsFactory
    private let outboxDepth: Gauge
    private let oldestAge: Gauge
    private let blocked: Gauge
    private let accepted: Counter
    private let itemErrors: Counter
    private let tagRatio: Gauge
    /// Counters by dimension, created on first use.
    private let counters = Mutex<[String: Counter]>([:])

    init(factory: any MetricsFactory) {
        self.factory = factory
        outboxDepth = Gauge(label: "storesync_shelf_outbox_depth", factory: factory)
        oldestAge = Gauge(label: "storesync_shelf_outbox_oldest_age_seconds", factory: factory)
        blocked = Gauge(label: "storesync_shelf_outbox_blocked", factory: factory)
        accepted = Counter(label: "storesync_shelf_changes_accepted_total", factory: factory)
        itemErrors = Counter(label: "storesync_shelf_item_errors_total", factory: factory)
        tagRatio = Gauge(label: "storesync_shelf_tags_confirmed_ratio", factory: factory)
    }

    /// One Retagly call answered with `status` (`nil`: no answer).
    func request(_ endpoint: String, status: Int?) {
        counter(
            "storesync_shelf_requests_total", [("endpoint", endpoint), ("status", status.map(String.init) ?? "error")]
        )
        .increment()
    }

    /// `count` products confirmed through `endpoint`.
    func delivered(_ endpoint: String, count: Int) {
        guard count > 0 else { return }
        counter("storesync_shelf_products_delivered_total", [("endpoint", endpoint)]).increment(by: count)
    }

    /// A batch session ended with `outcome` (`completed`, `failed`, `expired`, `abandoned`).
    func session(_ outcome: String) {
        counter("storesync_shelf_sessions_total", [("outcome", outcome)]).increment()
    }

    /// `count` changes accepted by the socket.
    func accepted(_ count: Int) { accepted.increment(by: count) }

    /// `count` products refused (kept as item errors).
    func itemErrors(_ count: Int) {
        guard count > 0 else { return }
        itemErrors.increment(by: count)
    }

    /// The tag confirmation of a completed session.
    func tags(confirmed: Int, total: Int) {
        guard total > 0 else { return }
        tagRatio.record(Double(confirmed) / Double(total))
    }

    /// Publishes an outbox summary.
    func outbox(depth: Int, oldestAgeSeconds: Double, blocked: Int) {
        outboxDepth.record(depth)
        oldestAge.record(oldestAgeSeconds)
        self.blocked.record(blocked)
    }

    private func counter(_ label: String, _ dimensions: [(String, String)]) -> Counter {
        let key = label + dimensions.map { "|\($0.0)=\($0.1)" }.joined()
        return counters.withLock { counters in
            if let existing = counters[key] { return existing }
            let created = Counter(label: label, dimensions: dimensions, factory: factory)
            counters[key] = created
            return created
        }
    }
}
