import AsyncHTTPClient
import Core
import NIOCore
import Synchronization

/// The daemon's `HTTPClient`s: one direct, and one per proxy in use (AsyncHTTPClient takes its
/// proxy per client, and tunnels every request through it with `CONNECT`). Each API gets the
/// client of its base URL's route (``DaemonConfiguration/proxy(for:)``). Shut down together.
final class HTTPClients: Sendable {
    private let group: any EventLoopGroup
    private let base: HTTPClient.Configuration
    private let clients = Mutex<[ProxyURL?: HTTPClient]>([:])

    init(group: any EventLoopGroup) {
        self.group = group
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.timeout = .init(connect: .seconds(5), read: .seconds(30))
        configuration.httpVersion = .http1Only
        self.base = configuration
    }

    /// The client that reaches its hosts through `proxy` (`nil`: directly).
    func client(via proxy: ProxyURL?) -> HTTPClient {
        clients.withLock { clients in
            if let client = clients[proxy] { return client }
            var configuration = base
            if let proxy {
                let authorization = proxy.username.map { user in
                    HTTPClient.Authorization.basic(username: user, password: proxy.password?.revealed ?? "")
                }
                configuration.proxy = .server(host: proxy.host, port: proxy.port, authorization: authorization)
            }
            let client = HTTPClient(eventLoopGroup: group, configuration: configuration)
            clients[proxy] = client
            return client
        }
    }

    /// Shuts every client down.
    func shutdown() async {
        for client in clients.withLock({ Array($0.values) }) { try? await client.shutdown() }
    }
}
