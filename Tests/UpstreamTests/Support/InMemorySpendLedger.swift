import Core
import Synchronization
import Upstream

/// A ``SpendLedger`` in memory (the tests' stand-in for the Store adapters).
final class InMemorySpendLedger: SpendLedger {
    private let days: Mutex<[String: Credits]>

    init(_ initial: [String: Credits] = [:]) { days = Mutex(initial) }

    func spent(onUTCDay day: String) async throws -> Credits {
        days.withLock { $0[day] ?? .zero }
    }

    func record(_ credits: Credits, onUTCDay day: String) async throws {
        days.withLock { $0[day, default: .zero] = $0[day, default: .zero] + credits }
    }

    /// Every day recorded so far.
    var all: [String: Credits] { days.withLock { $0 } }
}
