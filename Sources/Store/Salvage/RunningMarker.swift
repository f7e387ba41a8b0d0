import Foundation

/// `<state_dir>/storesync.running`: created (and fsynced) once the database is open, removed when
/// it is closed cleanly. Finding it at open means the last run stopped uncleanly (a crash, a kill,
/// a power cut), so the full integrity check runs instead of the quick one. Crash-safe by
/// construction: a stop that skips the removal leaves the file, which is what asks for the full check.
struct RunningMarker {
    /// The marker's file name inside the state directory.
    static let fileName = "storesync.running"

    let directory: String

    var path: String { directory + "/" + Self.fileName }

    /// Whether the marker is there (the last run did not close the database).
    var isPresent: Bool { POSIXFiles.exists(path) }

    /// Creates the marker (holding the pid) and makes its directory entry durable.
    func create() throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StoreFileError(operation: "create", path: path, code: errno, spaceRoot: directory)
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = write(descriptor, pid, pid.count)
        fsync(descriptor)
        close(descriptor)
        try POSIXFiles.syncDirectory(directory, spaceRoot: directory)
    }

    /// Removes the marker after a clean close.
    func remove() throws {
        guard unlink(path) == 0 || errno == ENOENT else {
            throw StoreFileError(operation: "delete", path: path, code: errno, spaceRoot: directory)
        }
        try POSIXFiles.syncDirectory(directory, spaceRoot: directory)
    }
}
