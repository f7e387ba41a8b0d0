import Store

/// Values one event loop derived from the database, each kept with the ``Store/ChangeStamp`` of the
/// barcode it was read for (``Store/ProductReader/changeStamp(of:)``) and reused only while that
/// stamp is unchanged: a repeated scan then skips SQLite (and its file locks), and a write retires
/// only the values of the barcodes it changed. A newer epoch (a bulk write) drops every value (none
/// can be used again); when `capacity` is reached it starts over. Not thread-safe: one per loop.
final class GenerationMemo<Key: Hashable, Value> {
    private var values: [Key: (stamp: ChangeStamp, value: Value)] = [:]
    /// The newest epoch seen: values of older ones are never kept.
    private var epoch: UInt64 = 0
    private let capacity: Int

    /// `capacity` 0 keeps nothing.
    init(capacity: Int) { self.capacity = capacity }

    /// The value kept for `key`, if it was derived at `stamp` (its barcode's current one).
    func value(for key: Key, at stamp: ChangeStamp) -> Value? {
        guard let kept = values[key], kept.stamp == stamp else { return nil }
        return kept.value
    }

    /// Keeps `value`, derived at `stamp`, for `key` (replacing an older one). A value of an older
    /// epoch than the kept ones is stale already and not kept.
    func keep(_ value: Value, for key: Key, at stamp: ChangeStamp) {
        guard capacity > 0, stamp.epoch >= epoch else { return }
        if stamp.epoch > epoch || (values.count >= capacity && values[key] == nil) {
            values.removeAll(keepingCapacity: true)
            epoch = stamp.epoch
        }
        values[key] = (stamp, value)
    }
}
