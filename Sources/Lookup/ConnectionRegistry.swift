import NIOCore
import Synchronization

/// The open connections of a server: counts them against the limit and closes them at shutdown.
final class ConnectionRegistry: Sendable {
    private let channels = Mutex([ObjectIdentifier: any Channel]())
    private let limit: Int
    private let metrics: LookupMetrics

    init(limit: Int, metrics: LookupMetrics) {
        self.limit = limit
        self.metrics = metrics
    }

    /// Registers `channel` until it closes; `false` when it is over the limit (it is still
    /// registered, to be answered 503 and closed).
    func add(_ channel: any Channel) -> Bool {
        let id = ObjectIdentifier(channel)
        let count = channels.withLock { channels in
            channels[id] = channel
            return channels.count
        }
        metrics.connections(count)
        channel.closeFuture.whenComplete { _ in
            let count = self.channels.withLock { channels in
                channels[id] = nil
                return channels.count
            }
            self.metrics.connections(count)
        }
        if count > limit { metrics.rejectedRequest() }
        return count <= limit
    }

    var count: Int { channels.withLock { $0.count } }

    /// Closes every open connection and waits until they are closed.
    func closeAll() async {
        let open = channels.withLock { Array($0.values) }
        for channel in open {
            try? await channel.close()
        }
    }
}
