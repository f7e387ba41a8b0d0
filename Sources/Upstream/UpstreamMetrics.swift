import Core
import Metrics

/// The client's metrics, made through the factory passed in (never the global system):
/// - `storesync_upstream_calls_total{endpoint, status}`: every HTTP exchange (`status` is the HTTP
///   code, or `timeout` / `connection` / `cancelled` / `too_large` when there was none),
/// - `storesync_upstream_retries_total{endpoint}`,
/// - `storesync_upstream_rate_limited_total{endpoint}` (429s),
/// - `storesync_upstream_credits_remaining` and `storesync_upstream_credits_debited_total`,
/// - `storesync_upstream_rate_limit_remaining{window="minute"|"day"}`,
/// - `storesync_upstream_answers_lost_total{endpoint}` and `storesync_upstream_credits_lost_total`:
///   paid answers lost after the request went out, and the credits they most likely cost.
struct UpstreamMetrics: Sendable {
    let factory: any MetricsFactory

    func call(_ endpoint: Endpoint, status: String) {
        Counter(
            label: "storesync_upstream_calls_total", dimensions: [("endpoint", endpoint.rawValue), ("status", status)],
            factory: factory
        ).increment()
    }

    func retry(_ endpoint: Endpoint) {
        Counter(
            label: "storesync_upstream_retries_total", dimensions: [("endpoint", endpoint.rawValue)], factory: factory
        )
        .increment()
    }

    func rateLimited(_ endpoint: Endpoint) {
        Counter(
            label: "storesync_upstream_rate_limited_total", dimensions: [("endpoint", endpoint.rawValue)],
            factory: factory
        ).increment()
    }

    func creditsRemaining(_ credits: Credits) {
        Gauge(label: "storesync_upstream_credits_remaining", factory: factory).record(credits.doubleValue)
    }

    func debited(_ credits: Credits) {
        guard credits > .zero else { return }
        FloatingPointCounter(label: "storesync_upstream_credits_debited_total", factory: factory)
            .increment(by: credits.doubleValue)
    }

    func answerLost(_ endpoint: Endpoint, credits: Credits) {
        Counter(
            label: "storesync_upstream_answers_lost_total", dimensions: [("endpoint", endpoint.rawValue)],
            factory: factory
        ).increment()
        FloatingPointCounter(label: "storesync_upstream_credits_lost_total", factory: factory)
            .increment(by: credits.doubleValue)
    }

    func rateLimitRemaining(_ headers: RateLimitHeaders) {
        if let minute = headers.remainingMinute {
            Gauge(
                label: "storesync_upstream_rate_limit_remaining", dimensions: [("window", "minute")], factory: factory
            )
            .record(minute)
        }
        if let day = headers.remainingDay {
            Gauge(label: "storesync_upstream_rate_limit_remaining", dimensions: [("window", "day")], factory: factory)
                .record(day)
        }
    }

    /// The status label of a transport failure.
    static func label(_ failure: TransportFailure) -> String {
        switch failure {
        case .timedOut, .lost(_, timedOut: true): return "timeout"
        case .lost(_, timedOut: false): return "connection"
        case .connection: return "connection"
        case .cancelled: return "cancelled"
        case .tooLarge: return "too_large"
        }
    }
}
