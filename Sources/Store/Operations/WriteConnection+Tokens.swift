extension WriteConnection {
    /// Saves a new token pair and clears the refresh-in-flight marker (the old refresh token is gone).
    public func saveTokens(
        accessToken: String, expiresAt: UnixMillis, refreshToken: String?, at now: UnixMillis
    ) throws {
        try sqlite.run(
            """
            INSERT INTO tokens (id, access_token, access_expires_at, refresh_token, refresh_in_flight, updated_at)
            VALUES (1, ?, ?, ?, 0, ?)
            ON CONFLICT (id) DO UPDATE SET
                access_token = excluded.access_token, access_expires_at = excluded.access_expires_at,
                refresh_token = excluded.refresh_token, refresh_in_flight = 0, updated_at = excluded.updated_at
            """,
            .text(accessToken), .integer(expiresAt.value), .text(refreshToken), .integer(now.value))
    }

    /// Sets the refresh-in-flight marker. Call it (and let the write return) *before* sending
    /// `POST /auth/refresh`: if the process dies before the new pair is saved, the next start finds the
    /// marker and re-authenticates instead of replaying a refresh token that may be consumed.
    public func markRefreshInFlight(at now: UnixMillis) throws {
        try sqlite.run(
            """
            INSERT INTO tokens (id, refresh_in_flight, updated_at) VALUES (1, 1, ?)
            ON CONFLICT (id) DO UPDATE SET refresh_in_flight = 1, updated_at = excluded.updated_at
            """,
            .integer(now.value))
    }

    /// Clears the marker without new tokens: only when the refresh request certainly never left
    /// (e.g. the connection could not be opened). When in doubt, ``clearTokens()`` instead.
    public func clearRefreshInFlight(at now: UnixMillis) throws {
        try sqlite.run("UPDATE tokens SET refresh_in_flight = 0, updated_at = ? WHERE id = 1", .integer(now.value))
    }

    /// Forgets every token (the family was revoked, or the client falls back to its credentials).
    public func clearTokens() throws {
        try sqlite.run("DELETE FROM tokens")
    }
}
