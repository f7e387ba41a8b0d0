import Core

extension WriteConnection {
    /// Queues `items` for run `runID` with the variants and `updated_at` the listing reported.
    /// Idempotent: a barcode already queued keeps its state and attempts, takes the higher priority,
    /// and takes the variants and `updated_at` of the newer report (a product listed twice because it
    /// changed while the sync paged keeps its latest version). Returns how many were new.
    @discardableResult
    public func enqueueSyncWork(_ runID: Int64, _ items: [SyncWorkItem], at now: UnixMillis) throws -> Int {
        var added = 0
        for item in items {
            if try syncQueueItem(runID, barcode: item.barcode) == nil { added += 1 }
            try sqlite.run(
                """
                INSERT INTO sync_queue (run_id, barcode, priority, updated_at, variants, listed_updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (run_id, barcode) DO UPDATE SET
                    priority = max(priority, excluded.priority),
                    variants = CASE WHEN excluded.listed_updated_at IS NOT NULL
                        AND (listed_updated_at IS NULL OR excluded.listed_updated_at >= listed_updated_at)
                        THEN excluded.variants ELSE variants END,
                    listed_updated_at = CASE WHEN excluded.listed_updated_at IS NOT NULL
                        AND (listed_updated_at IS NULL OR excluded.listed_updated_at >= listed_updated_at)
                        THEN excluded.listed_updated_at ELSE listed_updated_at END
                """,
                .integer(runID), .text(item.barcode.digits), .int(item.priority), .integer(now.value),
                .text(VariantList.encode(item.variants)), .text(item.listedUpdatedAt))
        }
        return added
    }

    /// Saves where run `id` stands (phase, listing cursor, resume time), replacing what was there.
    public func setSyncRunCursor(_ id: Int64, _ cursor: SyncRunCursor) throws {
        try sqlite.run(
            "UPDATE sync_runs SET phase = ?, cursor_since = ?, cursor_page = ?, resume_at = ? WHERE id = ?",
            .text(cursor.phase), .text(cursor.since), .integer(cursor.page.map(Int64.init)),
            .integer(cursor.resumeAt?.value), .integer(id))
    }
}
