import Core
import Foundation
import Logging
import Store
import Upstream

extension SyncEngine {
    /// Lists every page of the products changed since the watermark (delta) or of all products
    /// (full), by keyset, queuing what changed among what the store keeps current and marking other
    /// changed cached products outdated; the cursor is saved with each page so a crash resumes the
    /// listing where it was. A full refresh also queues cached products its complete listing no
    /// longer shows. The first page's server time minus the overlap becomes the run's watermark
    /// candidate. When the listing is complete, every cached product it did not show is validated
    /// as of the moment it started (``validateUnlisted(_:listedFrom:on:)``).
    func list(_ run: SyncRun, from saved: SyncRunCursor) async throws {
        var cursor: ListingCursor
        if let page = saved.page {
            cursor = ListingCursor(since: saved.since, page: page)
        } else {
            let watermark = try await database.read { try $0.syncState(.watermark) }
            cursor = ListingCursor(since: run.mode == .delta ? watermark : nil)
        }
        var hasCandidate = try await database.read { try $0.syncRun(run.id)?.watermarkCandidate } != nil
        let catalog = self.catalog()
        let perPage = configuration.pageSize
        while true {
            if Task.isCancelled { throw SyncInterruption.cancelled }
            let listedFrom = hasCandidate ? nil : UnixMillis(clock.now())
            let page = try await listingPage(at: cursor, perPage: perPage)
            metrics.listingPage()
            let next = cursor.next(after: page.items, perPage: perPage)
            var serverTime = page.serverTime
            if serverTime == nil, !hasCandidate { serverTime = serverNow() }
            let candidate = hasCandidate ? nil : serverTime.map { Self.watermark($0, overlap: configuration.overlap) }
            let now = UnixMillis(clock.now())
            let mode = run.mode
            let fetch = fetcher.configuration
            let items = page.items
            let keepScannedSince = now.adding(.zero - configuration.keepScanned)
            let validation = next == nil ? try await validationFloor(mode) : nil
            try await database.write { connection in
                let barcodes = items.map(\.barcode)
                let cached = try CachedState.read(barcodes, on: connection)
                let plan = SyncPlanner.plan(
                    for: items, catalog: catalog, cached: cached, scans: try connection.scans(for: barcodes),
                    keepScannedSince: keepScannedSince, fetch: fetch)
                try connection.enqueueSyncWork(run.id, plan.work, at: now)
                for barcode in plan.outdated { try connection.markOutdated(barcode) }
                if mode == .full { try connection.recordListed(run.id, cached.keys) }
                if next == nil, mode == .full {
                    // The complete listing no longer shows these cached products: ask for them (a
                    // deleted one answers 404, free, and is removed from the cache).
                    let unlisted = try connection.takeUnlisted(run.id).filter { !$0.isInStore }
                    let counts = try connection.scanCounts(for: unlisted)
                    try connection.enqueueSyncWork(
                        run.id, unlisted.map { SyncWorkItem(barcode: $0, priority: counts[$0] ?? 0) }, at: now)
                }
                if let candidate {
                    try connection.setSyncRunWatermarkCandidate(run.id, candidate, listedFrom: listedFrom)
                }
                if let validation {
                    try Self.validateUnlisted(run, since: validation, on: connection)
                    try Self.queueOutdated(
                        run, catalog: catalog, keepScannedSince: keepScannedSince, at: now, on: connection)
                }
                let phase = next == nil ? SyncPhase.bulkCheck : .listing
                try connection.setSyncRunCursor(
                    run.id, SyncRunCursor(phase: phase.rawValue, since: next?.since, page: next?.page))
                try connection.refreshSyncRunProgress(run.id)
            }
            hasCandidate = true
            guard let next else { break }
            cursor = next
        }
        logger.info("sync listing complete", metadata: ["sync_id": "\(run.id)"])
    }

    /// One listing page; a transient failure (after the client's own retries) is tried again up to
    /// the attempt limit, a pass delay apart, before the run fails.
    private func listingPage(at cursor: ListingCursor, perPage: Int) async throws -> ListingPage {
        var attempt = 1
        while true {
            do {
                return try await client.listChanges(
                    updatedSince: cursor.sinceDate, page: cursor.page, perPage: perPage, purpose: .sync)
            } catch {
                let action = SyncErrorAction.of(error, now: clock.now(), balanceRecheck: configuration.balanceRecheck)
                guard action == .retryLater, attempt < configuration.maxAttempts else {
                    throw interruption(for: error, during: "listing")
                }
                attempt += 1
                logger.warning(
                    "a listing page failed; trying again",
                    metadata: ["attempt": "\(attempt)", "error": "\(error)"])
                do {
                    try await clock.sleepUntil(
                        clock.now() + configuration.retryPassDelay)
                } catch { throw SyncInterruption.cancelled }
            }
        }
    }

    /// From when a complete listing of this run proves unlisted products unchanged (local clock):
    /// everything for a full refresh or a delta without a watermark (a listing of every product),
    /// else what the watermark's run recorded (or, from before that was recorded, the watermark
    /// itself less the overlap).
    func validationFloor(_ mode: SyncMode) async throws -> UnixMillis {
        let (floor, watermark) = try await database.read {
            (try $0.syncState(.validatedSince), try $0.syncState(.watermark))
        }
        guard mode == .delta, let watermark else { return UnixMillis(0) }
        if let floor = floor.flatMap(Int64.init) { return UnixMillis(floor) }
        guard let date = Timestamp.parse(watermark) else { return UnixMillis(Int64.max) }
        return UnixMillis(date).adding(.zero - configuration.overlap)
    }

    /// The listing of `run` is complete: validates every cached product it did not show (and that was
    /// valid at `since`) as of when the listing started.
    static func validateUnlisted(_ run: SyncRun, since: UnixMillis, on connection: WriteConnection) throws {
        guard let listedFrom = try connection.syncRunListedFrom(run.id) else { return }
        try connection.validateUnlisted(since: since, listedFrom: listedFrom, exceptQueuedBy: run.id)
    }

    /// The listing of `run` is complete: queues the cached products known to be out of date (an
    /// earlier listing showed a change that was not bought, or its fetch was given up) that the
    /// store now keeps current.
    static func queueOutdated(
        _ run: SyncRun, catalog: CatalogSnapshot?, keepScannedSince: UnixMillis, at now: UnixMillis,
        on connection: WriteConnection
    ) throws {
        let outdated = try connection.outdatedBarcodes()
        guard !outdated.isEmpty else { return }
        let scans = try connection.scans(for: outdated)
        let kept = outdated.filter {
            SyncPlanner.isKept($0, catalog: catalog, scan: scans[$0], keepScannedSince: keepScannedSince)
        }
        try connection.enqueueSyncWork(
            run.id, kept.map { SyncWorkItem(barcode: $0, priority: scans[$0]?.count ?? 0) }, at: now)
    }

    /// The watermark candidate for a listing that started at `serverTime`: the overlap earlier.
    static func watermark(_ serverTime: Date, overlap: Duration) -> String {
        Timestamp.format(serverTime - overlap)
    }

    /// The interruption an upstream error means outside the queue (listing, bulk-check): budgets
    /// pause, fatal answers fail, and anything else fails the run as `upstream_unavailable`.
    func interruption(for error: UpstreamError, during phase: String) -> SyncInterruption {
        switch SyncErrorAction.of(error, now: clock.now(), balanceRecheck: configuration.balanceRecheck) {
        case .interrupt(let interruption):
            return interruption
        case .waitUntil(let resumeAt):
            return .pause(reason: "rate_limited", resumeAt: resumeAt)
        case .retryLater, .giveUp:
            logger.error(
                "the sync cannot reach Retail Digitals", metadata: ["phase": "\(phase)", "error": "\(error)"])
            return .fail(reason: "upstream_unavailable")
        }
    }

    /// The server's clock as the upstream client estimates it (its own clock until it knows).
    func serverNow() -> Date { client.serverNow }
}
