extension WriteConnection {
    /// Stores `value` under `key` (replacing the old value), or removes the key when `value` is `nil`.
    public func setSyncState(_ key: SyncStateKey, to value: String?, at now: UnixMillis) throws {
        guard let value else {
            try sqlite.run("DELETE FROM sync_state WHERE key = ?", .text(key.rawValue))
            return
        }
        try sqlite.run(
            """
            INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """,
            .text(key.rawValue), .text(value), .integer(now.value))
    }
}
