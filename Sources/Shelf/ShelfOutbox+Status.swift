import Core
import Store

extension ShelfOutbox {
    /// The `shelf` block of the status document.
    public func status() async -> ShelfStatus {
        let limit = statusItemErrors
        do {
            let (summary, session, errors) = try await database.read { connection in
                (
                    try connection.shelfOutboxSummary(), try connection.latestShelfSession(),
                    try connection.shelfItemErrors(limit: limit)
                )
            }
            metrics.outbox(
                depth: summary.depth, oldestAgeSeconds: Self.ageSeconds(summary.oldestAcceptedAt, now: now()),
                blocked: summary.blocked)
            return ShelfStatus(
                outboxDepth: summary.depth, oldestPendingAt: summary.oldestAcceptedAt, blocked: summary.blocked,
                lastSession: session, itemErrors: errors)
        } catch {
            return ShelfStatus(
                lastSession: nil, itemErrors: [], error: "the shelf outbox cannot be read (\(Self.reason(error)))")
        }
    }

    /// Seconds since `time` (0 when nothing waits).
    static func ageSeconds(_ time: UnixMillis?, now: UnixMillis) -> Double {
        guard let time else { return 0 }
        return max(0, Double(now.value - time.value) / 1000)
    }
}
