extension ReadableConnection {
    /// The token store's row, or `nil` when nothing was ever saved.
    public func tokens() throws -> StoredTokens? {
        let statement = try sqlite.cached(
            """
            SELECT access_token, access_expires_at, refresh_token, refresh_in_flight, updated_at
            FROM tokens WHERE id = 1
            """)
        defer { statement.reset() }
        guard try statement.step() else { return nil }
        return StoredTokens(
            accessToken: statement.optionalText(0), accessExpiresAt: statement.optionalInt64(1).map(UnixMillis.init),
            refreshToken: statement.optionalText(2), refreshInFlight: statement.int64(3) != 0,
            updatedAt: UnixMillis(statement.int64(4)))
    }
}
