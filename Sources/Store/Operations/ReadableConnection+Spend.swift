import Core

extension ReadableConnection {
    /// Credits spent on the UTC day `day` (`YYYY-MM-DD`); zero when nothing was recorded.
    public func spend(day: String) throws -> Credits {
        let statement = try sqlite.cached("SELECT credits FROM daily_spend WHERE day = ?")
        defer { statement.reset() }
        try statement.bind([.text(day)])
        return Credits(thousandths: try statement.step() ? statement.int64(0) : 0)
    }

    /// The ledger's days from `first` through `last` (`YYYY-MM-DD`, inclusive) that have a row.
    public func spend(from first: String, through last: String) throws -> [String: Credits] {
        let statement = try sqlite.cached("SELECT day, credits FROM daily_spend WHERE day >= ? AND day <= ?")
        defer { statement.reset() }
        try statement.bind([.text(first), .text(last)])
        var days: [String: Credits] = [:]
        while try statement.step() { days[statement.text(0)] = Credits(thousandths: statement.int64(1)) }
        return days
    }

    /// The earliest day the ledger holds (it keeps 90 days), `nil` when it is empty.
    public func firstSpendDay() throws -> String? {
        let statement = try sqlite.cached("SELECT MIN(day) FROM daily_spend")
        defer { statement.reset() }
        guard try statement.step(), !statement.isNull(0) else { return nil }
        return statement.text(0)
    }

    /// Credits spent on the UTC day of `instant`.
    public func spend(onDayOf instant: UnixMillis) throws -> Credits { try spend(day: instant.utcDay) }
}
