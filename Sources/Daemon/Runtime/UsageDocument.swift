import Core

/// `GET /v1/usage` and `storesync usage --json`: the month's requests and credits per UTC day as
/// Retail Digitals counted them, beside the daemon's own spend ledger, with totals.
public struct UsageDocument: Codable, Sendable, Hashable {
    public var month: String
    public var clientName: String
    public var tier: String
    public var creditBalance: Credits
    public var days: [Day]
    /// The sums of `days`.
    public var total: Total

    /// One UTC day.
    public struct Day: Codable, Sendable, Hashable {
        /// `YYYY-MM-DD`.
        public var date: String
        public var requests: Int
        public var credits: Credits
        /// What the daemon's own ledger says it spent.
        public var ledgerCredits: Credits
    }

    /// The month's sums.
    public struct Total: Codable, Sendable, Hashable {
        public var requests: Int
        public var credits: Credits
        public var ledgerCredits: Credits
    }
}
