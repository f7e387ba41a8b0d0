import Core
import Foundation
import Logging
import Store
import Synchronization
import Upstream

extension SyncEngine {
    /// Works through the run's queue, most scanned first, with bounded concurrency, marking each
    /// item as it lands; failed items are retried in later passes up to the attempt limit. Returns
    /// when nothing is pending and nothing may be retried; throws a pause, a failure or an
    /// interruption.
    func fetchQueue(_ run: SyncRun) async throws {
        try await startRate(run)
        await logPlan(run)
        while true {
            try await drain(run)
            let now = UnixMillis(clock.now())
            let (pending, requeued) = try await database.write { connection -> (Int, Int) in
                let pending = try connection.syncQueueCounts(run.id).pending
                if pending > 0 { return (pending, 0) }
                return (0, try connection.requeueFailedItems(run.id, maxAttempts: configuration.maxAttempts, at: now))
            }
            if pending > 0 { continue }
            guard requeued > 0 else { return }
            logger.info("retrying failed sync items", metadata: ["sync_id": "\(run.id)", "items": "\(requeued)"])
            do {
                try await clock.sleep(for: configuration.retryPassDelay)
            } catch {
                throw SyncInterruption.cancelled
            }
        }
    }

    /// Processes pending items batch by batch until none is left.
    private func drain(_ run: SyncRun) async throws {
        let batchSize = max(configuration.concurrency * 8, 32)
        while true {
            if Task.isCancelled { throw SyncInterruption.cancelled }
            let batch = try await database.read { try $0.pendingSyncWork(run.id, limit: batchSize) }
            if batch.isEmpty { return }
            metrics.queueDepth(try await database.read { try $0.syncQueueCounts(run.id).pending })
            if let interruption = await process(batch, of: run) { throw interruption }
        }
    }

    /// Fetches `batch` in order with at most `concurrency` in flight; after the first interruption no
    /// new item starts (those in flight finish and are recorded).
    private func process(_ batch: [SyncWorkItem], of run: SyncRun) async -> SyncInterruption? {
        await withTaskGroup(of: SyncInterruption?.self) { group in
            var items = batch.makeIterator()
            var stop: SyncInterruption?
            for _ in 0..<configuration.concurrency {
                guard let item = items.next() else { break }
                group.addTask { await self.process(item, of: run) }
            }
            for await result in group {
                if stop == nil, let result { stop = result }
                if stop == nil, Task.isCancelled { stop = .cancelled }
                if stop == nil, let item = items.next() {
                    group.addTask { await self.process(item, of: run) }
                }
            }
            return stop
        }
    }

    /// Fetches one item unless the cache already has it, and records the outcome. An ambiguous 8-digit
    /// code upstream does not know as EAN-8 (a free 404) is asked for as the UPC-A its UPC-E reading
    /// expands to (a code given to a `barcodes` run is not resolved yet).
    private func process(_ item: SyncWorkItem, of run: SyncRun) async -> SyncInterruption? {
        let barcode = item.barcode
        let wanted = fetcher.configuration.wantedVariants(available: item.variants)
        let since: UnixMillis? = run.mode == .barcodes ? run.createdAt : nil
        do {
            let current = try await database.read { try CachedState.read([barcode], on: $0)[barcode] }
            if let current, item.listedUpdatedAt != nil || since != nil,
                current.isCurrent(listedUpdatedAt: item.listedUpdatedAt, wanted: wanted, fetchedSince: since)
            {
                try await record(run, barcode, .done, credits: .zero)
                return nil
            }
            if barcode.isInStore {
                try await record(run, barcode, .failedPermanent("an in-store code never goes upstream"), credits: .zero)
                return nil
            }
            guard var outcome = await fetcher.fetch(barcode, purpose: .sync, available: item.variants) else {
                return .cancelled
            }
            if outcome == .notFound, let upcA = barcode.upcEExpansion {
                guard let other = await fetcher.fetch(upcA, purpose: .sync) else { return .cancelled }
                outcome = other
            }
            switch outcome {
            case .stored(_, let credits):
                try await record(run, barcode, .done, credits: credits)
            case .failed(.diskFull, let credits), .partial(_, let credits, .diskFull):
                // Left pending: the item is fetched again once space is back.
                if credits > .zero { try await record(run, barcode, nil, credits: credits) }
                return diskFullPause()
            case .partial(_, let credits, let failure):
                try await record(run, barcode, .failed(failure.description), credits: credits)
            case .notFound:
                try await record(
                    run, barcode, .failedPermanent("Retail Digitals does not know this barcode"), credits: .zero)
            case .failed(.storage(let reason), let credits):
                try await record(run, barcode, .failed("storing failed: \(reason)"), credits: credits)
            case .failed(.upstream(let error), let credits):
                switch SyncErrorAction.of(error, now: clock.now(), balanceRecheck: configuration.balanceRecheck) {
                case .interrupt(let interruption):
                    if credits > .zero { try await record(run, barcode, nil, credits: credits) }
                    return interruption
                case .waitUntil(let instant):
                    do { try await clock.sleepUntil(instant) } catch { return .cancelled }
                case .retryLater:
                    try await record(run, barcode, .failed(error.description), credits: credits)
                case .giveUp:
                    // The listing showed a change that cannot be bought now: the cached copy is stale.
                    try await database.write { try $0.markOutdated(barcode) }
                    try await record(run, barcode, .failedPermanent(error.description), credits: credits)
                }
            }
            return nil
        } catch {
            if FreeSpace.isDiskFull(error) {
                fetcher.diskSpace.reportFull(error)
                return diskFullPause()
            }
            logger.error(
                "cannot record a sync item",
                metadata: ["sync_id": "\(run.id)", "barcode": "\(barcode)", "error": "\(error)"])
            return .fail(reason: "storage_failed")
        }
    }

    /// The pause of a run that cannot store what it buys: it looks at the space again a few
    /// minutes later (and pauses again while it is still short).
    func diskFullPause() -> SyncInterruption {
        .pause(
            reason: "disk_full", resumeAt: clock.now() + configuration.diskFullRecheck)
    }

    /// How an item ended.
    enum ItemResult {
        case done
        case failed(String)
        case failedPermanent(String)
    }

    /// Marks `barcode` (unless `result` is `nil`) and adds `credits` to the run, in one transaction.
    private func record(_ run: SyncRun, _ barcode: Barcode, _ result: ItemResult?, credits: Credits) async throws {
        let now = UnixMillis(clock.now())
        try await database.write { connection in
            switch result {
            case .done: try connection.markQueueItemDone(run.id, barcode: barcode, at: now)
            case .failed(let reason):
                try connection.markQueueItemFailed(run.id, barcode: barcode, error: reason, permanent: false, at: now)
            case .failedPermanent(let reason):
                try connection.markQueueItemFailed(run.id, barcode: barcode, error: reason, permanent: true, at: now)
            case nil: break
            }
            if credits > .zero { try connection.addSyncRunCredits(run.id, credits) }
            try connection.refreshSyncRunProgress(run.id)
        }
        metrics.creditsSpent(credits, mode: run.mode)
    }

    /// Starts measuring this process's fetch rate for the run's ETA.
    private func startRate(_ run: SyncRun) async throws {
        let done = try await database.read { try $0.syncQueueCounts(run.id).done }
        let now = clock.now()
        state.withLock { $0.rate = SyncProgressRate(runID: run.id, startedAt: now, doneAtStart: done) }
    }
}
