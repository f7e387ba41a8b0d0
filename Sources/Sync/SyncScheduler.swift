import Core
import Foundation
import Logging
import ServiceLifecycle
import Store
import Synchronization

/// Fires the nightly sync at the store-local time `sync.at` (plus jitter) in `sync.timezone`, a
/// full refresh on the `sync.full_refresh` weekday, and a catch-up delta at start when the last
/// success is older than a day (or there never was one). With `sync.enabled` false it schedules
/// nothing (manual resyncs still work).
///
/// Resuming is the engine's job: it continues an interrupted run at start and wakes a paused run at
/// its `resume_at`; a firing while a run is unfinished joins it (one sync at a time). Sleeps end on
/// graceful shutdown; ``update(_:)`` (SIGHUP) reschedules at once.
public final class SyncScheduler: Service, Sendable {
    let trigger: any SyncTrigger
    let clock: WallClock
    let random: @Sendable () -> Double
    let logger: Logger
    private let configuration: Mutex<SyncScheduleConfiguration>
    private let planned = Mutex<ScheduledSync?>(nil)
    private let wake = WakeSignal()

    /// - Parameter random: a uniform draw in 0..<1 for the jitter.
    public init(
        trigger: any SyncTrigger, configuration: SyncScheduleConfiguration, clock: WallClock = .system,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }, logger: Logger
    ) {
        var logger = logger
        logger[metadataKey: "component"] = "scheduler"
        self.trigger = trigger
        self.configuration = Mutex(configuration)
        self.clock = clock
        self.random = random
        self.logger = logger
    }

    /// Replaces the schedule (a reloaded configuration) and reschedules at once.
    public func update(_ configuration: SyncScheduleConfiguration) {
        self.configuration.withLock { $0 = configuration }
        logger.info(
            "sync schedule updated",
            metadata: [
                "enabled": "\(configuration.enabled)", "at": "\(configuration.at)",
                "timezone": "\(configuration.zone.identifier)",
                "jitter": "\(DurationText.format(configuration.jitter))",
            ])
        wake.signal()
    }

    /// The next firing, once computed (`nil` while disabled).
    public var next: ScheduledSync? { planned.withLock { $0 } }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await self.catchUpIfDue()
            while !Task.isCancelled {
                let configuration = self.configuration.withLock { $0 }
                guard configuration.enabled else {
                    self.publish(nil)
                    await self.wake.wait()
                    continue
                }
                let firing = SyncSchedule.next(
                    after: self.clock.now(), configuration: configuration, unitRandom: self.random())
                self.publish(firing)
                await self.wake.wait(until: firing.fireAt, on: self.clock)
                if Task.isCancelled { return }
                let current = self.configuration.withLock { $0 }
                guard current == configuration, self.clock.now() >= firing.fireAt else { continue }
                await self.fire(SyncRequest(mode: firing.mode, origin: .schedule))
            }
        }
    }

    private func catchUpIfDue() async {
        let configuration = self.configuration.withLock { $0 }
        guard configuration.enabled else { return }
        do {
            let last = try await trigger.lastSuccessAt()
            guard SyncSchedule.needsCatchUp(lastSuccess: last, now: clock.now(), maxAge: configuration.catchUpAfter)
            else { return }
            logger.info(
                "the last successful sync is older than a day; catching up",
                metadata: ["last_success_at": "\(last.map(Timestamp.format) ?? "never")"])
        } catch {
            logger.error("cannot read the last sync; catching up", metadata: ["error": "\(error)"])
        }
        await fire(SyncRequest(mode: .delta, origin: .catchUp))
    }

    private func fire(_ request: SyncRequest) async {
        do {
            let (run, joined) = try await trigger.start(request)
            logger.info(
                joined ? "a sync is already unfinished; the scheduled one joins it" : "scheduled sync started",
                metadata: ["sync_id": "\(run.id)", "mode": "\(request.mode.rawValue)"])
        } catch {
            logger.error("cannot start the scheduled sync", metadata: ["error": "\(error)"])
        }
    }

    private func publish(_ firing: ScheduledSync?) {
        planned.withLock { $0 = firing }
        trigger.setNextScheduledRun(firing?.fireAt)
    }
}
