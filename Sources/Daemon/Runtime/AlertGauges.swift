import Core
import Foundation
import Metrics

/// The gauges the shipped alert rules and dashboards (`config/prometheus/`, `config/grafana/`) read
/// besides the counters: when the last delta or full sync succeeded, whether upstream
/// authentication is ok, the low-credit threshold and this month's spend.
struct AlertGauges: Sendable {
    let lastSuccess: Gauge
    let authOK: Gauge
    let lowCreditWarning: Gauge
    let monthSpent: Gauge

    init(factory: any MetricsFactory) {
        lastSuccess = Gauge(label: "storesync_sync_last_success_timestamp_seconds", dimensions: [], factory: factory)
        authOK = Gauge(label: "storesync_upstream_auth_ok", dimensions: [], factory: factory)
        lowCreditWarning = Gauge(
            label: "storesync_upstream_low_credit_warning_credits", dimensions: [], factory: factory)
        monthSpent = Gauge(label: "storesync_upstream_credits_spent_month", dimensions: [], factory: factory)
    }

    /// `lastSuccess` is `nil` when no sync ever succeeded (0: an alert rule sees "long ago");
    /// `lowCreditWarning` is `nil` when the warning is off (0: the alert never fires).
    func record(
        lastSuccess date: Date?, authOK ok: Bool, lowCreditWarning threshold: Credits?, monthSpent spent: Credits
    ) {
        lastSuccess.record(date?.timeIntervalSince1970 ?? 0)
        authOK.record(ok ? 1 : 0)
        lowCreditWarning.record((threshold ?? .zero).doubleValue)
        monthSpent.record(spent.doubleValue)
    }
}
