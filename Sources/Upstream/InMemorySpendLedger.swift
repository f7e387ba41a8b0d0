import Core
import Synchronization

/// A ``SpendLedger`` in memory, for tests and the demo.
public final class InMemorySpendLedger: SpendLedger {
    private let days: Mutex<[String: Credits]>

    public init(_ initial: [String: Credits] = [:]) { days = Mutex(initial) }

    public func spent(onUTCDay day: String) async throws -> Credits {
        days.withLock { $0[day] ?? .zero }
    }

    public func record(_ credits: Credits, onUTCDay day: String) async throws {
        days.withLock { $0[day, default: .zero] = $0[day, default: .zero] + credits }
    }

    /// Every day recorded so far.
    public var all: [String: Credits] { days.withLock { $0 } }
}
