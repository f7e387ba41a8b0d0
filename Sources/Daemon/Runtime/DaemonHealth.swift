import NIOCore
import Store

/// What the watchdog asks before each ping: every event loop of the socket runs a task, and the
/// database's writer thread takes a job. A stuck loop or writer never answers, so the pings stop
/// and systemd restarts the daemon (`WatchdogSec=`), instead of a live process that serves nothing.
struct DaemonHealth: Sendable {
    let group: any EventLoopGroup
    let database: Database

    func check() async -> Bool {
        for loop in group.makeIterator() {
            guard (try? await loop.submit({ true }).get()) == true else { return false }
        }
        return await database.writerAnswers()
    }
}
