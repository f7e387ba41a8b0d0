import Foundation
import Store
import TestSupport

/// A small tmpfs mounted over a directory, for tests that need a disk that really fills up
/// (`mount -t tmpfs -o size=…`), grown with a remount and unmounted at the end. Needs root.
struct TmpfsMount: Sendable {
    let path: String

    /// Whether this process may mount a tmpfs (root, and a `mount` that works): tried once.
    static let isAvailable: Bool = {
        guard geteuid() == 0 else { return false }
        guard let directory = try? TemporaryDirectory("tmpfs") else { return false }
        defer { directory.remove() }
        guard let probe = try? TmpfsMount.mount(at: directory.path, size: "64k") else { return false }
        probe.unmount()
        return true
    }()

    /// Mounts a tmpfs of `size` (`4m`) over the existing directory `path`.
    static func mount(at path: String, size: String) throws -> TmpfsMount {
        try run("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=\(size),mode=0700", "tmpfs", path])
        return TmpfsMount(path: path)
    }

    /// Grows (or shrinks) the file system to `size` without touching its files.
    func resize(to size: String) throws {
        try Self.run("/usr/bin/mount", ["-o", "remount,size=\(size)", path])
    }

    /// Writes a file of zeros so that about `bytes` stay free.
    func fill(leaving bytes: Int64, name: String = "filler") throws {
        guard let free = FreeSpace.available(at: path), free > bytes else { return }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: createFile(name)))
        defer { try? handle.close() }
        var left = free - bytes
        let chunk = Data(count: 64 << 10)
        while left > 0 {
            let piece = Int(min(Int64(chunk.count), left))
            try handle.write(contentsOf: chunk.prefix(piece))
            left -= Int64(piece)
        }
        try handle.synchronize()
    }

    /// Unmounts it (lazily, so a file still open does not keep it).
    func unmount() {
        try? Self.run("/usr/bin/umount", ["-l", path])
    }

    private func createFile(_ name: String) -> String {
        let file = path + "/" + name
        _ = FileManager.default.createFile(atPath: file, contents: nil)
        return file
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let child = try SpawnedProcess(executable: tool, arguments: arguments, stdout: .null, stderr: .null)
        guard child.waitBlocking() == .exited(0) else {
            throw CocoaError(.fileWriteUnknown, userInfo: ["tool": tool, "arguments": arguments])
        }
    }
}
