import Core
import Crypto
import Synchronization

/// Rendered image bytes and their sha256, per (barcode, variant, version, client), so a client
/// always receives the same bytes and ground truth can name their hash without re-rendering.
final class SandboxImageCache: Sendable {
    /// One image version as one client receives it.
    struct Key: Hashable, Sendable {
        var barcode: String
        var variant: ImageVariant
        var version: Int
        var clientID: String
    }

    /// The bytes and their lowercase hex sha256.
    struct Rendered: Sendable {
        var bytes: [UInt8]
        var sha256: String
    }

    private let entries = Mutex<[Key: Rendered]>([:])

    /// The bytes and hash for `key`, rendered on first use (outside the lock).
    func rendered(_ key: Key) -> Rendered {
        if let cached = entries.withLock({ $0[key] }) { return cached }
        let bytes = SandboxImages.render(
            barcode: key.barcode, variant: key.variant, version: key.version, clientID: key.clientID)
        let digest = SHA256.hash(data: bytes).map { String($0 >> 4, radix: 16) + String($0 & 0xF, radix: 16) }
        let rendered = Rendered(bytes: bytes, sha256: digest.joined())
        entries.withLock { $0[key] = $0[key] ?? rendered }
        return rendered
    }
}
