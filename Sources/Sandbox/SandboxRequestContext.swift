import Hummingbird
import Logging
import NIOCore

/// The Hummingbird request context of the sandbox: the core context plus the connection, whose
/// peer address signed image URLs are bound to and per-IP auth throttles count by, and which an
/// injected fault may close.
public struct SandboxRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer of the TCP connection (e.g. `127.0.0.2` when a test binds its client there).
    public let remoteAddress: SocketAddress?
    /// The connection the request arrived on.
    public let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
        self.channel = source.channel
    }

    /// The peer IP as text (`127.0.0.1`), or `unknown`.
    public var peerIP: String { remoteAddress?.ipAddress ?? "unknown" }
}
