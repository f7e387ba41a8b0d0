import Core

extension WallClock {
    /// Waits `duration` on this clock (a retry's backoff, a pacing wait), ending at the call's
    /// `deadline` at the latest: a test's manual clock that nobody moves never holds a call past it.
    /// Throws `.cancelled` when the task is cancelled.
    func pause(_ duration: Duration, within deadline: ContinuousClock.Instant) async throws(UpstreamError) {
        _ = await withDeadline(deadline) { try? await self.sleep(for: duration) }
        if Task.isCancelled { throw .cancelled }
    }
}
