#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Makes a Unix socket path ready for binding without ever stealing a live socket: a missing path
/// is fine, a socket nobody answers on (left by a dead process) is removed, a live socket or a file
/// that is not a socket is refused with an explanation.
enum SocketPath {
    /// Why the path cannot be used.
    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    static func prepare(_ path: String) throws(Refusal) {
        guard path.utf8.count < 108 else {
            throw Refusal(
                description: "the socket path \(path) is longer than 107 bytes; choose a shorter listen.socket")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw Refusal(description: "cannot inspect \(path): \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFSOCK else {
            throw Refusal(
                description:
                    "\(path) exists and is not a socket; refusing to replace it (remove it or change listen.socket)")
        }
        if isLive(path) {
            throw Refusal(
                description: "another process is serving on \(path); stop it first (a live socket is never taken over)")
        }
        guard unlink(path) == 0 || errno == ENOENT else {
            throw Refusal(description: "cannot remove the stale socket \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Whether something accepts connections on the socket at `path`.
    static func isLive(_ path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() where index < raw.count - 1 { raw[index] = byte }
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return result == 0
    }

    /// Removes `path` if it is a socket (at shutdown; never removes anything else).
    static func removeIfSocket(_ path: String) throws(Refusal) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFSOCK else { return }
        guard unlink(path) == 0 else {
            throw Refusal(description: "cannot remove \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Sets the socket file's permission bits.
    static func setMode(_ path: String, _ mode: UInt16) throws(Refusal) {
        guard chmod(path, mode_t(mode)) == 0 else {
            throw Refusal(description: "cannot set mode of \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Whether `host` is a loopback address (`127.0.0.0/8`, `::1`, `localhost`).
    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else { return false }
        return parts[0] == "127"
    }
}
