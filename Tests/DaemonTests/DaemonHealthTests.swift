import Dispatch
import Foundation
import Logging
import NIOPosix
import Store
import Synchronization
import TestSupport
import Testing

@testable import Daemon

/// The watchdog's health check: pings stop while the writer or a loop is stuck.
@Suite("The daemon's health check")
struct DaemonHealthTests {
    @Test("It answers while the loops and the writer answer, waits while the writer is stuck, fails once closed")
    func healthFollowsTheWriter() async throws {
        let directory = try TemporaryDirectory("health")
        defer { directory.remove() }
        let database = try await Database.open(
            directory: directory.appending("state"),
            logger: Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() }))
        let health = DaemonHealth(group: MultiThreadedEventLoopGroup.singleton, database: database)
        #expect(await health.check())

        let release = DispatchSemaphore(value: 0)
        let entered = DispatchSemaphore(value: 0)
        async let stuck: Void = database.write { _ in
            entered.signal()
            release.wait()
        }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                entered.wait()
                continuation.resume()
            }
        }
        let answered = Answer()
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                let healthy = await health.check()
                answered.value.withLock { $0 = healthy }
            }
            try await Task.sleep(for: .milliseconds(200))
            #expect(answered.value.withLock { $0 } == nil, "the check answered while the writer was stuck")
            release.signal()
            try await tasks.waitForAll()
        }
        try await stuck
        #expect(answered.value.withLock { $0 } == true)
        try await database.close()
        #expect(await !health.check())
    }
}

/// What the health check answered, once it did.
private final class Answer: Sendable {
    let value = Mutex<Bool?>(nil)
}
