import Core
import Synchronization

/// Counts scans per barcode in memory; the daemon drains it into the database now and then, so the
/// nightly sync can fetch what the store scans most first without a write per scan.
public final class ScanCounter: Sendable {
    private let counts = Mutex([Barcode: Int]())

    public init() {}

    /// One more scan of `barcode`.
    public func record(_ barcode: Barcode) {
        counts.withLock { $0[barcode, default: 0] += 1 }
    }

    /// The counts since the last drain, and a fresh start.
    public func drain() -> [Barcode: Int] {
        counts.withLock { counts in
            defer { counts = [:] }
            return counts
        }
    }
}
