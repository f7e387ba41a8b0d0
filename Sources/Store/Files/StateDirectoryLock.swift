#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive `flock` on `<state_dir>/storesync.lock`, held for the daemon's lifetime, so a
/// second daemon on the same directory refuses to start instead of sharing the database and
/// sweeping the first one's image downloads. The file holds the holder's pid, for the message.
/// The kernel releases the lock when the process ends, however it ends (SIGKILL included).
public final class StateDirectoryLock: Sendable {
    private let descriptor: CInt

    private init(descriptor: CInt) { self.descriptor = descriptor }

    /// Takes the lock of `directory` (created if missing), or throws
    /// ``StoreError/stateDirectoryInUse(path:holder:)`` when another process holds it.
    public static func acquire(directory: String) throws -> StateDirectoryLock {
        try POSIXFiles.makeDirectories(directory, mode: 0o700, spaceRoot: directory)
        let path = directory + "/storesync.lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StoreError.directory(path: path, cause: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = pread(descriptor, &buffer, buffer.count, 0)
            close(descriptor)
            guard code == EWOULDBLOCK else {
                throw StoreError.directory(path: path, cause: String(cString: strerror(code)))
            }
            let pid = String(decoding: buffer.prefix(max(0, count)), as: UTF8.self).filter(\.isNumber)
            throw StoreError.stateDirectoryInUse(path: directory, holder: pid.isEmpty ? "unknown pid" : "pid \(pid)")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, pid, pid.count, 0)
        return StateDirectoryLock(descriptor: descriptor)
    }

    deinit { close(descriptor) }
}
