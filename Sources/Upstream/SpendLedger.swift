import Core

/// The credits this client spent per UTC day (server clock), kept durably so a daily credit cap
/// survives restarts, and a crash between a charge and its answer cannot lose the charge: the
/// client records a call's estimate before sending it. Days are `YYYY-MM-DD`. The Store implements
/// it (`Sync.StoreSpendLedger`); the tests use one in memory.
public protocol SpendLedger: Sendable {
    /// Credits recorded for `day` so far (zero for a day never recorded).
    func spent(onUTCDay day: String) async throws -> Credits
    /// Adds `credits` to `day`: a paid call's estimated cost before it is sent, then the correction
    /// to what the server debited (negative when it debited less, or nothing).
    func record(_ credits: Credits, onUTCDay day: String) async throws
}
