/// Why a call is made; decides which share of the day's request budget it may use.
public enum RequestPurpose: String, Sendable, Hashable, CaseIterable {
    /// A scan-time lookup miss: the only purpose that may use the scan reserve.
    case scan
    /// The nightly or manual sync (listing, bulk-check, fetches, image downloads).
    case sync
    /// Housekeeping: pricing, balance, account.
    case control
}
