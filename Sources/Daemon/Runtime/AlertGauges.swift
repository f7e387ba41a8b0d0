import Foundation
import Metrics

/// The gauges the shipped alert rules (`config/prometheus/`) read besides the counters: when the
/// last delta or full sync succeeded, and whether upstream authentication is ok.
struct AlertGauges: Sendable {
    let lastSuccess: Gauge
    let authOK: Gauge

    init(factory: any MetricsFactory) {
        lastSuccess = Gauge(label: "storesync_sync_last_success_timestamp_seconds", dimensions: [], factory: factory)
        authOK = Gauge(label: "storesync_upstream_auth_ok", dimensions: [], factory: factory)
    }

    /// `lastSuccess` is `nil` when no sync ever succeeded (0: an alert rule sees "long ago").
    func record(lastSuccess date: Date?, authOK ok: Bool) {
        lastSuccess.record(date?.timeIntervalSince1970 ?? 0)
        authOK.record(ok ? 1 : 0)
    }
}
