/// Values one event loop derived from the database, kept while no write was committed since
/// (``Store/ProductReader/writeGeneration``): a repeated scan then skips SQLite (and its file
/// locks). Every value belongs to one write generation; the first value of a newer one drops the
/// rest (they can never be used again), so memory holds only what was looked up since the last
/// write, up to `capacity` (when full, it starts over). Not thread-safe: one per loop.
final class GenerationMemo<Key: Hashable, Value> {
    private var values: [Key: Value] = [:]
    /// The write generation every kept value was derived at.
    private var generation: UInt64 = 0
    private let capacity: Int

    /// `capacity` 0 keeps nothing.
    init(capacity: Int) { self.capacity = capacity }

    /// The value kept for `key`, if it was derived at `generation` (the current one).
    func value(for key: Key, at generation: UInt64) -> Value? {
        generation == self.generation ? values[key] : nil
    }

    /// Keeps `value`, derived at write generation `generation`, for `key`. A value of an older
    /// generation than the kept ones is stale already and not kept.
    func keep(_ value: Value, for key: Key, at generation: UInt64) {
        guard capacity > 0, generation >= self.generation else { return }
        if generation > self.generation || (values.count >= capacity && values[key] == nil) {
            values.removeAll(keepingCapacity: true)
            self.generation = generation
        }
        values[key] = value
    }
}
