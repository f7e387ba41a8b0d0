import Crypto
import Foundation

/// One image being written to a temporary file of the ``ImageStore``; hashes as it writes.
///
/// Not `Sendable`: one writer per download. ``commit()`` makes it visible under its final name;
/// ``discard()`` (or dropping the writer) deletes the temporary file.
public final class ImageWriter {
    /// The temporary file (in `images/.tmp/`).
    public let temporaryPath: String
    /// The final path under the image root, relative and absolute.
    public let relativePath: String
    public let absolutePath: String
    private let store: ImageStore
    private var descriptor: Int32
    private var hasher = SHA256()
    /// Bytes written so far.
    public private(set) var byteCount = 0
    private var finished = false

    init(store: ImageStore, descriptor: Int32, temporaryPath: String, relativePath: String, absolutePath: String) {
        self.store = store
        self.descriptor = descriptor
        self.temporaryPath = temporaryPath
        self.relativePath = relativePath
        self.absolutePath = absolutePath
    }

    deinit { discard() }

    /// Appends `bytes` to the temporary file.
    public func write(_ bytes: some Sequence<UInt8>) throws {
        try Array(bytes).withUnsafeBytes { try write(contentsOf: $0) }
    }

    /// Appends the bytes of `buffer` (e.g. a `ByteBuffer`'s readable bytes) without copying them.
    public func write(contentsOf buffer: UnsafeRawBufferPointer) throws {
        precondition(!finished, "write after commit or discard")
        try POSIXFiles.writeAll(descriptor, buffer, path: temporaryPath, spaceRoot: store.root)
        hasher.update(bufferPointer: buffer)
        byteCount += buffer.count
    }

    /// Flushes the bytes to disk, renames the file over its final name and flushes the directory.
    /// On failure the temporary file is deleted and an existing final file is untouched.
    public func commit() throws -> StoredImage {
        precondition(!finished, "commit after commit or discard")
        do {
            try POSIXFiles.sync(descriptor, path: temporaryPath, spaceRoot: store.root)
            closeDescriptor()
            let directory = POSIXFiles.parentDirectory(of: absolutePath)
            try store.makeDirectories(directory)
            try POSIXFiles.move(temporaryPath, to: absolutePath, spaceRoot: store.root)
            finished = true
            try POSIXFiles.syncDirectory(directory, spaceRoot: store.root)
        } catch {
            discard()
            throw error
        }
        return StoredImage(
            relativePath: relativePath, absolutePath: absolutePath, sha256: ImageDigest.hex(hasher.finalize()),
            bytes: byteCount)
    }

    /// Deletes the temporary file (nothing happens after a commit).
    public func discard() {
        guard !finished else { return }
        finished = true
        closeDescriptor()
        unlink(temporaryPath)
    }

    /// The open descriptor of the temporary file (tests swap it to provoke write failures).
    var descriptorForTesting: Int32? { descriptor >= 0 ? descriptor : nil }

    private func closeDescriptor() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }
}
