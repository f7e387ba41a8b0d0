import Core
import NIOCore

/// Fresh cache-hit answers one event loop has encoded, reused for the next scans of the same barcode.
///
/// An entry is only reused while it is exactly what encoding anew would give: no write was committed
/// to the database since it was made (``ProductReader/writeGeneration``), the store catalog's entry for
/// the barcode is the same, and the record is still within the metadata TTL (after which the answer
/// would say `stale`). So a repeated scan skips SQLite (and its file locks) and the JSON encoding.
/// When full, it starts over: the hot set of a store is small, and any write empties it in effect.
final class EncodedAnswers {
    /// One encoded answer and what it was made from (besides the write generation, which is the
    /// whole cache's: ``generation``).
    struct Entry {
        var catalog: CatalogEntry?
        /// The record's `fetched_at` (ms since 1970): it turns stale `metadataTTL` later.
        var fetchedAt: Int64
        var body: ByteBuffer
    }

    private var entries: [Barcode: Entry] = [:]
    /// The write generation every kept entry was made at (older ones are dropped on the next keep).
    private var generation: UInt64 = 0
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// The encoded answer for `barcode` if it is still current.
    func current(
        _ barcode: Barcode, generation: UInt64, catalog: CatalogEntry?, now: Int64, ttlMillis: Int64
    ) -> ByteBuffer? {
        guard generation == self.generation, let entry = entries[barcode], entry.catalog == catalog,
            now - entry.fetchedAt <= ttlMillis
        else { return nil }
        return entry.body
    }

    /// Keeps `entry`, made at write generation `generation`, for `barcode` (nothing when the cache
    /// is off). The first entry of a newer generation drops all older ones (they can never be served
    /// again), so memory holds only what was scanned since the last write, up to `capacity`.
    func keep(_ entry: Entry, for barcode: Barcode, generation: UInt64) {
        guard capacity > 0, generation >= self.generation else { return }
        if generation > self.generation || (entries.count >= capacity && entries[barcode] == nil) {
            entries.removeAll(keepingCapacity: true)
            self.generation = generation
        }
        entries[barcode] = entry
    }
}
