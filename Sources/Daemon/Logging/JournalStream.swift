#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether standard error goes to journald. systemd sets `JOURNAL_STREAM=<device>:<inode>` for a
/// service whose output it connects to the journal; the variable is inherited by children whose
/// stderr may point elsewhere, so it counts only when it matches the stream of descriptor 2.
public enum JournalStream {
    /// `true` when `JOURNAL_STREAM` names the file behind `descriptor`.
    public static func isConnected(environment: [String: String], descriptor: Int32 = 2) -> Bool {
        guard let value = environment["JOURNAL_STREAM"], let (device, inode) = parse(value) else { return false }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return false }
        return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode
    }

    /// `"<device>:<inode>"` as two decimal numbers.
    static func parse(_ value: String) -> (UInt64, UInt64)? {
        let parts = value.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return nil }
        return (device, inode)
    }
}
