import Core

/// The credits this client spent per UTC day (server clock), kept durably so a daily credit cap
/// survives restarts. Days are `YYYY-MM-DD`. The Store implements it; ``InMemorySpendLedger`` is
/// for tests and the demo.
public protocol SpendLedger: Sendable {
    /// Credits recorded for `day` so far (zero for a day never recorded).
    func spent(onUTCDay day: String) async throws -> Credits
    /// Adds `credits` to `day`.
    func record(_ credits: Credits, onUTCDay day: String) async throws
}
