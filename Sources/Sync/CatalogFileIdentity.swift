import Foundation

/// What tells one version of the catalog file from another without reading it: device, inode, size
/// and modification time. A file replaced by rename gets a new inode; one rewritten in place gets a
/// new size or mtime.
struct CatalogFileIdentity: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int64
    var modifiedNanoseconds: Int64

    /// The identity of the regular file at `path`, or `nil` when it is missing or not readable.
    static func of(_ path: String) -> CatalogFileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return CatalogFileIdentity(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modifiedSeconds: Int64(info.st_mtim.tv_sec), modifiedNanoseconds: Int64(info.st_mtim.tv_nsec))
    }
}
