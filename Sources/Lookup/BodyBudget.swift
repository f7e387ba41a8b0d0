import Synchronization

/// The bytes of request bodies buffered at once, across every connection of one server: each
/// connection may buffer up to `maxBodyBytes` and there may be `maxConnections` of them, so without
/// a shared bound a few hundred slow POSTs could hold gigabytes. A connection reserves its body's
/// bytes as they arrive and gives them back when its request is answered or it closes; a reservation
/// that does not fit is refused (the request gets `503 busy`).
final class BodyBudget: Sendable {
    /// The most bytes reserved at once.
    let limit: Int
    private let used = Atomic(0)

    init(limit: Int) {
        self.limit = limit
    }

    /// Reserves `bytes`; `false` (nothing reserved) when that would go over the limit.
    func reserve(_ bytes: Int) -> Bool {
        guard bytes > 0 else { return true }
        var current = used.load(ordering: .relaxed)
        while true {
            guard current <= limit - bytes else { return false }
            let (exchanged, original) = used.weakCompareExchange(
                expected: current, desired: current + bytes, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
    }

    /// Gives back `bytes` reserved earlier.
    func release(_ bytes: Int) {
        guard bytes > 0 else { return }
        used.wrappingSubtract(bytes, ordering: .relaxed)
    }

    /// Bytes reserved now.
    var inUse: Int { used.load(ordering: .relaxed) }
}
