extension ReadableConnection {
    /// The value stored under `key`, or `nil`.
    public func syncState(_ key: SyncStateKey) throws -> String? {
        let statement = try sqlite.cached("SELECT value FROM sync_state WHERE key = ?")
        defer { statement.reset() }
        try statement.bind([.text(key.rawValue)])
        return try statement.step() ? statement.text(0) : nil
    }
}
