import Core
import Daemon
import Foundation
import Logging
import Simulation
import Store
import TestSupport
import Testing

/// One daemon per state directory.
@Suite("The state directory's lock")
struct StateLockTests {
    @Test("A second daemon on a state directory in use refuses to start with a message that says what to do")
    func secondDaemonRefused() async throws {
        try await StoreWorld.run(catalog: { _ in [] }) { world in
            var configuration = world.daemon.configuration
            configuration.listen.socketPath = world.directory.appending("second.sock")
            let logger = Logger(label: "second", factory: { _ in SwiftLogNoOpLogHandler() })
            await #expect {
                _ = try await StoreSyncDaemon.make(
                    configuration: configuration, options: DaemonOptions(trapSignals: false), logger: logger)
            } throws: { error in
                guard case StoreError.stateDirectoryInUse(_, let holder) = error else { return false }
                return holder == "pid \(getpid())" && "\(error)".contains("systemctl stop storesync")
            }
            // The first daemon is unharmed.
            let answer = try await world.scan("017000161563")
            #expect(answer.status != 500)
        }
    }

    @Test("The lock is released with its holder")
    func releasedWithHolder() throws {
        let directory = try TemporaryDirectory("lock")
        defer { directory.remove() }
        var first: StateDirectoryLock? = try StateDirectoryLock.acquire(directory: directory.path)
        #expect(throws: StoreError.self) { try StateDirectoryLock.acquire(directory: directory.path) }
        _ = first
        first = nil
        let again = try StateDirectoryLock.acquire(directory: directory.path)
        _ = again
    }
}
