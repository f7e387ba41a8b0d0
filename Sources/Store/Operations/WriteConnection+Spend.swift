import Core

extension WriteConnection {
    /// Adds `credits` to the UTC day of `instant`; returns that day's new total.
    @discardableResult
    public func addSpend(_ credits: Credits, at instant: UnixMillis) throws -> Credits {
        let day = instant.utcDay
        try sqlite.run(
            """
            INSERT INTO daily_spend (day, credits) VALUES (?, ?)
            ON CONFLICT (day) DO UPDATE SET credits = credits + excluded.credits
            """,
            .text(day), .integer(credits.thousandths))
        return try spend(day: day)
    }

    /// Deletes ledger days before `day` (`YYYY-MM-DD`, compared as text); returns how many.
    @discardableResult
    public func purgeSpend(before day: String) throws -> Int {
        try sqlite.run("DELETE FROM daily_spend WHERE day < ?", .text(day))
    }
}
