import Crypto
import Foundation

/// SHA-256 of image bytes and files, as lower-case hex.
public enum ImageDigest {
    /// The hex SHA-256 of `bytes`.
    public static func sha256(_ bytes: some Sequence<UInt8>) -> String {
        hex(SHA256.hash(data: Array(bytes)))
    }

    /// The hex SHA-256 and size of the file at `path`, read in 64 KiB chunks; `nil` size if missing.
    static func file(_ path: String, spaceRoot: String) throws(StoreFileError) -> (sha256: String, bytes: Int64) {
        let descriptor = POSIXFiles.retrying { open(path, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else {
            throw StoreFileError(operation: "open", path: path, code: errno, spaceRoot: spaceRoot)
        }
        defer { close(descriptor) }
        var hasher = SHA256()
        var total: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw StoreFileError(operation: "read", path: path, code: errno, spaceRoot: spaceRoot)
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            total += Int64(count)
        }
        return (hex(hasher.finalize()), total)
    }

    /// Lower-case hex of a digest.
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let alphabet = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(alphabet[Int(byte >> 4)])
            bytes.append(alphabet[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
