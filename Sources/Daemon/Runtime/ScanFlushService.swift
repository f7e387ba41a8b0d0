import Foundation
import Logging
import Lookup
import ServiceLifecycle
import Store

/// Moves the socket's in-memory scan counts into the database every `interval` and once more at
/// shutdown, so the sync can fetch what the store scans most first without a write per scan.
struct ScanFlushService: Service {
    let counter: ScanCounter
    let database: Database
    let interval: Duration
    /// The clock scan times are read from.
    let now: @Sendable () -> Date
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            await flush()
        }
        await flush()
    }

    func flush() async {
        let counts = counter.drain()
        guard !counts.isEmpty else { return }
        do {
            try await database.write { try $0.addScanCounts(counts, at: UnixMillis(now())) }
        } catch {
            logger.warning(
                "scan counts could not be saved", metadata: ["error": "\(error)", "barcodes": "\(counts.count)"])
        }
    }
}
