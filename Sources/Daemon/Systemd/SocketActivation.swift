import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sockets passed by systemd socket activation (`LISTEN_PID`, `LISTEN_FDS`, `LISTEN_FDNAMES`,
/// descriptors from 3), as `sd_listen_fds` reads them, for `LookupServer(inheritedSocket:)`.
public enum SocketActivation {
    /// One inherited listening socket.
    public struct Socket: Sendable, Hashable {
        /// The open descriptor.
        public let descriptor: Int32
        /// Its `FileDescriptorName=` (`LISTEN_FDNAMES`), `unknown` when not named.
        public let name: String
    }

    /// The first passed descriptor (`SD_LISTEN_FDS_START`).
    public static let firstDescriptor: Int32 = 3

    /// The passed sockets described by `environment`; empty unless `LISTEN_PID` is `pid`.
    public static func sockets(environment: [String: String], pid: Int32, first: Int32 = firstDescriptor) -> [Socket] {
        guard let owner = environment["LISTEN_PID"].flatMap({ Int32($0) }), owner == pid,
            let count = environment["LISTEN_FDS"].flatMap({ Int32($0) }), count > 0, count < 4096
        else { return [] }
        let names =
            environment["LISTEN_FDNAMES"]?.split(separator: ":", omittingEmptySubsequences: false)
            .map(String.init) ?? []
        return (0..<count).map { index in
            let name = Int(index) < names.count && !names[Int(index)].isEmpty ? names[Int(index)] : "unknown"
            return Socket(descriptor: first + index, name: name)
        }
    }

    /// Takes the sockets passed to this process: marks each close-on-exec and removes `LISTEN_PID`,
    /// `LISTEN_FDS` and `LISTEN_FDNAMES` from the environment, so no child thinks they are its own.
    /// - Parameter unset: removes a variable from the process environment (tests record the names
    ///   instead: changing the environment while other threads start processes crashes them).
    public static func takeInheritedSockets(
        environment: [String: String] = ProcessInfo.processInfo.environment, first: Int32 = firstDescriptor,
        unset: (String) -> Void = { unsetenv($0) }
    ) -> [Socket] {
        let sockets = sockets(environment: environment, pid: getpid(), first: first)
        for socket in sockets {
            let flags = fcntl(socket.descriptor, F_GETFD)
            if flags >= 0 { _ = fcntl(socket.descriptor, F_SETFD, flags | FD_CLOEXEC) }
        }
        for name in ["LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"] { unset(name) }
        return sockets
    }
}
