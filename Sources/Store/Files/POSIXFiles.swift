#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few POSIX file calls the state directory needs, with `EINTR` handled and errors as
/// ``StoreFileError``. Blocking: call them off the cooperative pool (writer thread, thread pool).
enum POSIXFiles {
    /// Creates `path` and any missing parents with `mode` (existing directories are left as they are).
    /// Returns the directories it created, outermost first.
    @discardableResult
    static func makeDirectories(_ path: String, mode: mode_t, spaceRoot: String) throws(StoreFileError) -> [String] {
        if isDirectory(path) { return [] }
        var created: [String] = []
        let parent = parentDirectory(of: path)
        if parent != path, !parent.isEmpty { created += try makeDirectories(parent, mode: mode, spaceRoot: spaceRoot) }
        if mkdir(path, mode) != 0 {
            let code = errno
            if code == EEXIST, isDirectory(path) { return created }
            throw StoreFileError(operation: "create the directory", path: path, code: code, spaceRoot: spaceRoot)
        }
        _ = chmod(path, mode)  // mkdir honours the umask; the mode asked for is the mode meant.
        created.append(path)
        return created
    }

    /// Whether `path` is an existing directory (following symlinks).
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether anything exists at `path` (without following a final symlink).
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The permission bits of `path`, or `nil` if it does not exist.
    static func permissions(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    /// The size of the regular file at `path`, or `nil` if it does not exist or is not a regular file.
    static func fileSize(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(info.st_size)
    }

    /// Sets the permission bits of `path`.
    static func setPermissions(_ path: String, _ mode: mode_t, spaceRoot: String) throws(StoreFileError) {
        guard chmod(path, mode) == 0 else {
            throw StoreFileError(operation: "set the mode of", path: path, code: errno, spaceRoot: spaceRoot)
        }
    }

    /// Renames `from` to `to` (atomically replacing `to` on the same file system).
    static func move(_ from: String, to: String, spaceRoot: String) throws(StoreFileError) {
        guard rename(from, to) == 0 else {
            throw StoreFileError(operation: "rename to \(to)", path: from, code: errno, spaceRoot: spaceRoot)
        }
    }

    /// Creates a new empty file with `mode`, failing if anything exists there (`O_EXCL`).
    static func createExclusive(_ path: String, mode: mode_t, spaceRoot: String) throws(StoreFileError) -> Int32 {
        let descriptor = retrying { open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode) }
        guard descriptor >= 0 else {
            throw StoreFileError(operation: "create", path: path, code: errno, spaceRoot: spaceRoot)
        }
        _ = fchmod(descriptor, mode)  // the umask may have narrowed it
        return descriptor
    }

    /// Writes all of `bytes` to `descriptor`.
    static func writeAll(
        _ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String, spaceRoot: String
    ) throws(StoreFileError) {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw StoreFileError(operation: "write", path: path, code: errno, spaceRoot: spaceRoot)
            }
            offset += written
        }
    }

    /// Flushes `descriptor` to stable storage.
    static func sync(_ descriptor: Int32, path: String, spaceRoot: String) throws(StoreFileError) {
        guard retrying({ fsync(descriptor) }) == 0 else {
            throw StoreFileError(operation: "fsync", path: path, code: errno, spaceRoot: spaceRoot)
        }
    }

    /// Flushes the directory `path` itself, so a rename or new entry in it survives power loss.
    static func syncDirectory(_ path: String, spaceRoot: String) throws(StoreFileError) {
        let descriptor = retrying { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard descriptor >= 0 else {
            throw StoreFileError(operation: "open the directory", path: path, code: errno, spaceRoot: spaceRoot)
        }
        defer { close(descriptor) }
        try sync(descriptor, path: path, spaceRoot: spaceRoot)
    }

    /// The directory part of `path` (`/a/b/c` → `/a/b`, `c` → `.`, `/c` → `/`).
    static func parentDirectory(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// Calls `body` again while it fails with `EINTR`.
    static func retrying(_ body: () -> Int32) -> Int32 {
        while true {
            let result = body()
            if result < 0, errno == EINTR { continue }
            return result
        }
    }
}
