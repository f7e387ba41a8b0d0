import Core
import Foundation
import Store
import Upstream

/// The upstream client's ``SpendLedger`` over the state directory's daily spend table, so the daily
/// credit cap survives restarts. Days are the server's UTC days (`YYYY-MM-DD`) as the client names
/// them.
public struct StoreSpendLedger: SpendLedger {
    let database: Database

    public init(database: Database) { self.database = database }

    public func spent(onUTCDay day: String) async throws -> Credits {
        try await database.read { try $0.spend(day: day) }
    }

    public func record(_ credits: Credits, onUTCDay day: String) async throws {
        let instant = try Self.instant(ofDay: day)
        try await database.write { _ = try $0.addSpend(credits, at: instant) }
    }

    /// Midnight UTC of `day`: an instant whose UTC day is `day` (how the store keys its ledger).
    static func instant(ofDay day: String) throws -> UnixMillis {
        guard day.utf8.count == 10, let date = Timestamp.parse(day) else { throw SpendDayError(day: day) }
        return UnixMillis(date)
    }
}
