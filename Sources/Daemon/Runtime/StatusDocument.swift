import Core
import Foundation
import Shelf
import Store
import Sync
import Upstream

/// `GET /v1/status` and `storesync status --json`: what the daemon writes (``StatusReport``) and
/// what `storesync status` reads back, one type for both.
public struct StatusDocument: Codable, Sendable, Hashable {
    public var version: String
    public var startedAt: Date
    public var sync: SyncStatus
    /// `nil` when the database cannot be read.
    public var cache: CacheStats?
    public var storage: StorageStatus
    public var upstream: Upstream
    /// `nil` when the shelf push is off.
    public var shelf: ShelfStatus?
    /// `nil` when no catalog is configured.
    public var catalog: Catalog?

    /// The `upstream` block: the Retail Digitals client's standing, credits and rate-limit budget.
    public struct Upstream: Codable, Sendable, Hashable {
        public var auth: AuthState
        public var creditsRemaining: Credits?
        public var creditsSpentToday: Credits
        /// This UTC month's spend by the ledger (`nil` when the ledger cannot be read).
        public var creditsSpentMonth: Credits?
        /// The average spend of the last complete days (up to 7), and how many there were.
        public var creditsDailyAverage: Credits?
        public var creditsDailyAverageDays: Int
        /// Days of credit left at that average, or why that is not known.
        public var creditDaysLeft: Double?
        public var creditDaysLeftUnknownBecause: String?
        /// `upstream.low_credit_warning`, and whether the balance is below it.
        public var lowCreditWarning: Credits?
        public var creditsLow: Bool
        public var dailyCreditLimit: Credits?
        /// After a `402`, until an operator acts or credits return.
        public var paidCallsStopped: Bool
        /// Paid answers lost after they were sent (most likely charged), since start.
        public var creditsLost: Credits
        public var answersLost: Int
        public var rateLimit: UpstreamSnapshot.RateLimit?
        public var lastError: String?
        /// The proxy both APIs go through (`http://host:port`), `nil` when direct.
        public var proxy: String?
    }

    /// The `catalog` block: the store catalog file and how its last reading went.
    public struct Catalog: Codable, Sendable, Hashable {
        public var path: String
        public var loaded: Bool
        public var products: Int
        public var loadedAt: Date?
        /// Rows skipped or warned about.
        public var problems: Int
    }
}
