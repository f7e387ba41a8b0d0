import NIOCore
import Synchronization

/// Image bytes held in memory for serving, keyed by sha256, bounded in bytes, least recently used
/// out first. Shared by every event loop; a `ByteBuffer` handed out shares storage (no copy).
final class ImageCache: Sendable {
    private struct State {
        var entries: [String: (bytes: ByteBuffer, lastUse: UInt64)] = [:]
        var totalBytes = 0
        var tick: UInt64 = 0
    }

    private let capacity: Int
    private let state = Mutex(State())

    init(capacityBytes: Int) { self.capacity = capacityBytes }

    func bytes(forSHA256 sha: String) -> ByteBuffer? {
        state.withLock { state in
            guard let entry = state.entries[sha] else { return nil }
            state.tick &+= 1
            state.entries[sha] = (entry.bytes, state.tick)
            return entry.bytes
        }
    }

    func insert(_ bytes: ByteBuffer, forSHA256 sha: String) {
        let size = bytes.readableBytes
        guard size <= capacity / 4 else { return }
        state.withLock { state in
            if state.entries[sha] != nil { return }
            while state.totalBytes + size > capacity,
                let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })
            {
                state.totalBytes -= oldest.value.bytes.readableBytes
                state.entries[oldest.key] = nil
            }
            state.tick &+= 1
            state.entries[sha] = (bytes, state.tick)
            state.totalBytes += size
        }
    }
}
