import Foundation
import Testing

@testable import Daemon

@Suite("Socket activation")
struct SocketActivationTests {
    @Test("LISTEN_FDS and LISTEN_FDNAMES describe descriptors from 3, only for the process LISTEN_PID names")
    func parsing() {
        let environment = ["LISTEN_PID": "42", "LISTEN_FDS": "2", "LISTEN_FDNAMES": "lookup:"]
        #expect(
            SocketActivation.sockets(environment: environment, pid: 42) == [
                .init(descriptor: 3, name: "lookup"), .init(descriptor: 4, name: "unknown"),
            ])
        #expect(SocketActivation.sockets(environment: environment, pid: 43).isEmpty)
        #expect(SocketActivation.sockets(environment: ["LISTEN_PID": "42", "LISTEN_FDS": "0"], pid: 42).isEmpty)
        #expect(SocketActivation.sockets(environment: ["LISTEN_FDS": "1"], pid: 42).isEmpty)
    }

    @Test("Taking the inherited sockets marks them close-on-exec and clears the LISTEN_ variables")
    func taking() throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd) }
        #expect(fcntl(fd, F_GETFD) & FD_CLOEXEC == 0)
        let environment = ["LISTEN_PID": "\(getpid())", "LISTEN_FDS": "1", "LISTEN_FDNAMES": "lookup"]
        // The process environment is left alone: other tests start processes meanwhile, and
        // changing it under them crashes Foundation's Process.run.
        var unset: [String] = []
        let sockets = SocketActivation.takeInheritedSockets(
            environment: environment, first: fd, unset: { unset.append($0) })
        #expect(sockets == [.init(descriptor: fd, name: "lookup")])
        #expect(fcntl(fd, F_GETFD) & FD_CLOEXEC != 0)
        #expect(unset == ["LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"])
    }
}
