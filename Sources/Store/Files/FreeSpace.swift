#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The space left on the file system that holds a directory (`statvfs`), as an unprivileged
/// process may use it (`f_bavail`: blocks reserved for root do not count).
public enum FreeSpace {
    /// Bytes available under `path`; `nil` when `statvfs` fails (the path is missing, say).
    public static func available(at path: String) -> Int64? {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return nil }
        let blocks = Int64(clamping: UInt64(info.f_bavail))
        let size = Int64(clamping: UInt64(info.f_frsize))
        let (bytes, overflow) = blocks.multipliedReportingOverflow(by: size)
        return overflow ? Int64.max : bytes
    }

    /// Whether `error` says the disk (or a quota) is full: `ENOSPC`/`EDQUOT` or `SQLITE_FULL`.
    public static func isDiskFull(_ error: any Error) -> Bool {
        if let error = error as? StoreFileError { return error.isDiskFull }
        if let error = error as? SQLiteError { return error.isDiskFull }
        return false
    }
}
