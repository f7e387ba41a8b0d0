import Core

extension ReadableConnection {
    /// The run with `id`, or `nil`.
    public func syncRun(_ id: Int64) throws -> SyncRun? {
        try syncRuns(where: "id = ?", [.integer(id)], limit: 1).first
    }

    /// The newest run that has not finished (`queued`, `running` or `paused`): after a crash, the one
    /// to resume.
    public func unfinishedSyncRun() throws -> SyncRun? {
        try syncRuns(where: "state IN ('queued', 'running', 'paused')", [], limit: 1).first
    }

    /// The newest finished run (`succeeded` or `failed`), for status' `last`.
    public func lastFinishedSyncRun() throws -> SyncRun? {
        try syncRuns(where: "state IN ('succeeded', 'failed')", [], limit: 1).first
    }

    /// The newest `limit` runs, newest first.
    public func recentSyncRuns(limit: Int) throws -> [SyncRun] {
        try syncRuns(where: "1", [], limit: limit)
    }

    private func syncRuns(where condition: String, _ bindings: [SQLiteValue], limit: Int) throws -> [SyncRun] {
        let statement = try sqlite.cached(
            """
            SELECT id, mode, state, reason, total, done, failed_items, credits_spent, created_at, started_at,
                   finished_at, watermark_candidate, requested_barcodes
            FROM sync_runs WHERE \(condition) ORDER BY id DESC LIMIT ?
            """)
        defer { statement.reset() }
        try statement.bind(bindings + [.int(limit)])
        var runs: [SyncRun] = []
        while try statement.step() { runs.append(Self.syncRun(statement)) }
        return runs
    }

    private static func syncRun(_ statement: SQLiteStatement) -> SyncRun {
        let requested = statement.optionalText(12).map { text in
            text.split(separator: ",").map { Barcode(trustedCanonical: String($0)) }
        }
        return SyncRun(
            id: statement.int64(0), mode: SyncMode(rawValue: statement.text(1)) ?? .delta,
            state: SyncRunState(rawValue: statement.text(2)) ?? .failed, reason: statement.optionalText(3),
            total: statement.int(4), done: statement.int(5), failedItems: statement.int(6),
            creditsSpent: Credits(thousandths: statement.int64(7)), createdAt: UnixMillis(statement.int64(8)),
            startedAt: statement.optionalInt64(9).map(UnixMillis.init),
            finishedAt: statement.optionalInt64(10).map(UnixMillis.init),
            watermarkCandidate: statement.optionalText(11), requestedBarcodes: requested ?? [])
    }

    /// When run `id`'s listing started (local clock), once its first page was asked for.
    public func syncRunListedFrom(_ id: Int64) throws -> UnixMillis? {
        let statement = try sqlite.cached("SELECT listed_from FROM sync_runs WHERE id = ?")
        defer { statement.reset() }
        try statement.bind([.integer(id)])
        guard try statement.step(), let value = statement.optionalInt64(0) else { return nil }
        return UnixMillis(value)
    }
}
