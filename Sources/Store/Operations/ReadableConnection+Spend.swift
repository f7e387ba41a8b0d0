import Core

extension ReadableConnection {
    /// Credits spent on the UTC day `day` (`YYYY-MM-DD`); zero when nothing was recorded.
    public func spend(day: String) throws -> Credits {
        let statement = try sqlite.cached("SELECT credits FROM daily_spend WHERE day = ?")
        defer { statement.reset() }
        try statement.bind([.text(day)])
        return Credits(thousandths: try statement.step() ? statement.int64(0) : 0)
    }

    /// Credits spent on the UTC day of `instant`.
    public func spend(onDayOf instant: UnixMillis) throws -> Credits { try spend(day: instant.utcDay) }
}
