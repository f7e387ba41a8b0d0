import Synchronization

/// A counter of committed write transactions, shared by a ``Database`` and its product readers, so
/// that what the hot path derived from the cache (e.g. an encoded answer) can tell it is still
/// current with one atomic load instead of a SQLite read.
final class WriteGeneration: Sendable {
    private let value = Atomic<UInt64>(0)

    /// The number of writes committed so far.
    var current: UInt64 { value.load(ordering: .acquiring) }

    /// Counts one committed write (after its `COMMIT`, so a reader that sees the new count sees the
    /// data too).
    func advance() { value.add(1, ordering: .releasing) }
}
