import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 child channel with `TCP_NODELAY` set on every accepted socket.
///
/// SwiftNIO sets `TCP_NODELAY` on the listening socket only and Hummingbird sets no child option;
/// without it a keep-alive answer written as head and body pays ~40 ms to Nagle + delayed ACK
/// (see `platform-facts.md`), so the sandbox sets it explicitly rather than rely on inheritance.
struct SandboxHTTPChannel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.setOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1).flatMap {
            self.http1.setup(channel: channel, logger: logger)
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
