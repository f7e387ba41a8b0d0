#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failed file operation in the state directory: what was done, on which path, and why.
///
/// A full disk (`ENOSPC`, `EDQUOT`) says so plainly and names the directory to free space under.
public struct StoreFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was being done: `create`, `write`, `fsync`, `rename`, `open`, `read`, `mkdir`, ….
    public let operation: String
    /// The path it was done on.
    public let path: String
    /// The `errno` value.
    public let code: Int32
    /// The directory whose file system ran out of space, named in the disk-full message.
    public let spaceRoot: String

    public init(operation: String, path: String, code: Int32, spaceRoot: String) {
        self.operation = operation
        self.path = path
        self.code = code
        self.spaceRoot = spaceRoot
    }

    /// Whether the disk (or the user's quota) is full.
    public var isDiskFull: Bool { code == ENOSPC || code == EDQUOT }

    public var description: String {
        if isDiskFull {
            return "could not \(operation) \(path): the disk is full: free space under \(spaceRoot)"
        }
        let reason = String(cString: strerror(code))
        return "could not \(operation) \(path): \(reason) (errno \(code))"
    }
}
