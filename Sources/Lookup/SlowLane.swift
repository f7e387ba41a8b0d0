import Synchronization

/// The bounded queue of work that cannot be answered on the event loop (misses, refreshes, disk
/// reads, control routes). The server drains it in its own task group, so every piece of work is a
/// child of the server's structured task tree and ends with it.
final class SlowLane: Sendable {
    typealias Job = @Sendable () async -> Void

    let jobs: AsyncStream<Job>
    private let continuation: AsyncStream<Job>.Continuation
    private let inFlight = Atomic(0)
    private let limit: Int

    init(limit: Int) {
        self.limit = limit
        (jobs, continuation) = AsyncStream.makeStream(of: Job.self)
    }

    /// Queues `job`; `false` when the lane is full or closed (answer 503).
    func submit(_ job: @escaping Job) -> Bool {
        guard inFlight.wrappingAdd(1, ordering: .relaxed).newValue <= limit else {
            inFlight.wrappingSubtract(1, ordering: .relaxed)
            return false
        }
        let result = continuation.yield {
            await job()
            self.inFlight.wrappingSubtract(1, ordering: .relaxed)
        }
        if case .enqueued = result { return true }
        inFlight.wrappingSubtract(1, ordering: .relaxed)
        return false
    }

    /// Work queued or running.
    var depth: Int { inFlight.load(ordering: .relaxed) }

    /// No more work is accepted; what is queued still runs.
    func close() { continuation.finish() }
}
