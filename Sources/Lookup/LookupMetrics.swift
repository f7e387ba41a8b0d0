import CoreMetrics
import Metrics
import Synchronization

/// The socket's metrics: lookups by source and outcome, and their latency.
final class LookupMetrics: Sendable {
    private let factory: any MetricsFactory
    private let counters = Mutex([String: Counter]())
    private let latency: Timer
    private let connections: Gauge
    private let rejected: Counter

    init(factory: any MetricsFactory) {
        self.factory = factory
        self.latency = Timer(label: "storesync_lookup_duration_seconds", dimensions: [], factory: factory)
        self.connections = Gauge(label: "storesync_socket_connections", dimensions: [], factory: factory)
        self.rejected = Counter(label: "storesync_socket_rejected_total", dimensions: [], factory: factory)
    }

    /// Counts one lookup and records its latency since `started`.
    func lookup(source: String, outcome: String, since started: ContinuousClock.Instant) {
        let key = source + "|" + outcome
        let counter = counters.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = Counter(
                label: "storesync_lookups_total", dimensions: [("source", source), ("outcome", outcome)],
                factory: factory)
            counters[key] = counter
            return counter
        }
        counter.increment()
        let elapsed = ContinuousClock.now - started
        latency.record(duration: elapsed)
    }

    /// The number of open connections.
    func connections(_ count: Int) { connections.record(count) }

    /// A connection or request turned away by a limit.
    func rejectedRequest() { rejected.increment() }
}
