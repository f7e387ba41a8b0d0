import Core
import Foundation
import Logging
import ServiceLifecycle
import Store
import Synchronization
import Upstream

extension SyncEngine {
    /// Executes runs until graceful shutdown: an unfinished run at start (interrupted by a crash or a
    /// restart) first, then each new one; a paused run at its `resume_at`. On shutdown the run in
    /// progress stops taking new items and stays `running`, to resume at the next start.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let unfinished: SyncRun?
                let cursor: SyncRunCursor?
                do {
                    (unfinished, cursor) = try await self.database.read { connection in
                        let run = try connection.unfinishedSyncRun()
                        return (run, try run.flatMap { try connection.syncRunCursor($0.id) })
                    }
                } catch {
                    self.logger.error("cannot read the sync runs", metadata: ["error": "\(error)"])
                    await self.wake.wait(until: self.clock.now() + .seconds(5), on: self.clock)
                    continue
                }
                guard let run = unfinished else {
                    self.metrics.queueDepth(0)
                    if let due = self.revalidationDue() {
                        if due > self.clock.now() {
                            await self.wake.wait(until: due, on: self.clock)
                        } else {
                            await self.startRevalidation()
                        }
                        continue
                    }
                    await self.wake.wait()
                    continue
                }
                if run.state == .paused {
                    let forced = self.state.withLock { state in
                        defer { state.resumeRequested = false }
                        return state.resumeRequested
                    }
                    if !forced, let resumeAt = cursor?.resumeAt?.date, resumeAt > self.clock.now() {
                        await self.wake.wait(until: resumeAt, on: self.clock)
                        continue
                    }
                }
                if await self.execute(run) == .storageFailed {
                    // A disk too full to record even the pause: look again after the recheck delay.
                    let delay = self.fetcher.diskSpace.isShort ? self.configuration.diskFullRecheck : .seconds(5)
                    await self.wake.wait(until: self.clock.now() + delay, on: self.clock)
                }
            }
        }
    }

    /// When the requested revalidation may start (`nil`: none requested).
    private func revalidationDue() -> Date? {
        let interval = configuration.revalidateInterval
        return state.withLock { state in
            guard state.revalidationRequested else { return nil }
            return state.lastRevalidation.map { $0 + interval } ?? .distantPast
        }
    }

    private func startRevalidation() async {
        let now = clock.now()
        state.withLock {
            $0.revalidationRequested = false
            $0.lastRevalidation = now
        }
        do {
            _ = try await start(SyncRequest(mode: .delta, origin: .revalidation))
        } catch {
            logger.error("cannot start a revalidation", metadata: ["error": "\(error)"])
        }
    }

    /// How one execution of a run ended.
    enum ExecutionEnd: Equatable {
        case ended
        case paused
        case interrupted
        case storageFailed
    }

    /// Runs `run` from where it stands to its end, a pause or an interruption.
    func execute(_ run: SyncRun) async -> ExecutionEnd {
        let wasPaused = run.state == .paused
        do {
            let now = UnixMillis(clock.now())
            let cursor = try await database.write { connection -> SyncRunCursor in
                try connection.setSyncRunState(run.id, to: .running, at: now)
                var cursor = try connection.syncRunCursor(run.id) ?? SyncRunCursor()
                cursor.resumeAt = nil
                try connection.setSyncRunCursor(run.id, cursor)
                return cursor
            }
            logger.info(
                wasPaused ? "sync resumed" : (cursor.phase == nil ? "sync started" : "sync continues"),
                metadata: ["sync_id": "\(run.id)", "mode": "\(run.mode.rawValue)"])
            if wasPaused { try await checkUpstream() }
            var phase = cursor.phase.flatMap(SyncPhase.init(rawValue:))
            if phase == nil {
                phase = try await begin(run)
            }
            if phase == .listing {
                try await list(run, from: cursor)
                phase = .bulkCheck
            }
            if phase == .bulkCheck {
                try await prefilter(run)
                try await setPhase(.fetching, of: run)
            }
            try await fetchQueue(run)
            try await finish(run)
            return .ended
        } catch let interruption as SyncInterruption {
            return await stop(run, interruption)
        } catch {
            if FreeSpace.isDiskFull(error) {
                fetcher.diskSpace.reportFull(error)
                return await stop(run, diskFullPause())
            }
            logger.error(
                "the sync cannot use the state directory", metadata: ["sync_id": "\(run.id)", "error": "\(error)"])
            return .storageFailed
        }
    }

    /// The first phase of a run that has not started: listing, or (given barcodes) the queue.
    private func begin(_ run: SyncRun) async throws -> SyncPhase {
        switch run.mode {
        case .delta, .full:
            if let catalog = catalog(), !catalog.isLoaded {
                throw SyncInterruption.fail(reason: "catalog_unavailable")
            }
            try await setPhase(.listing, of: run)
            return .listing
        case .barcodes:
            let now = UnixMillis(clock.now())
            try await database.write { connection in
                let counts = try connection.scanCounts(for: run.requestedBarcodes)
                let items = run.requestedBarcodes.map { SyncWorkItem(barcode: $0, priority: counts[$0] ?? 0) }
                try connection.enqueueSyncWork(run.id, items, at: now)
                try connection.setSyncRunCursor(run.id, SyncRunCursor(phase: SyncPhase.fetching.rawValue))
                try connection.refreshSyncRunProgress(run.id)
            }
            return .fetching
        }
    }

    func setPhase(_ phase: SyncPhase, of run: SyncRun) async throws {
        try await database.write { connection in
            try connection.setSyncRunCursor(run.id, SyncRunCursor(phase: phase.rawValue))
        }
    }

    /// After a pause: a free call that refreshes the server's clock (its UTC day) and the balance.
    private func checkUpstream() async throws {
        do {
            _ = try await client.balance()
        } catch {
            switch SyncErrorAction.of(error, now: clock.now(), balanceRecheck: configuration.balanceRecheck) {
            case .interrupt(let interruption): throw interruption
            default: return  // a transient failure shows again on the first real call
            }
        }
    }
}
