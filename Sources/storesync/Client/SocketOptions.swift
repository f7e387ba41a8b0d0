import ArgumentParser
import Foundation

/// Where the CLI finds the daemon's socket: `--socket PATH`, else `$STORESYNC_SOCKET`, else
/// `listen.socket` of `--config FILE` (default `/etc/storesync/storesync.yaml`), else the default
/// `/run/storesync/lookup.sock`.
struct SocketOptions: ParsableArguments {
    @Option(help: "The daemon's socket (default: $STORESYNC_SOCKET, else listen.socket of --config).")
    var socket: String?

    @Option(help: "The configuration file whose listen.socket to use.")
    var config: String?

    func resolve() async throws -> String {
        if let socket { return socket }
        if let socket = ProcessInfo.processInfo.environment["STORESYNC_SOCKET"], !socket.isEmpty { return socket }
        return try await ConfiguredSocket.path(configFile: config)
    }

    func client() async throws -> SocketClient { SocketClient(socketPath: try await resolve()) }
}
