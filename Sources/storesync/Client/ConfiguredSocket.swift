import Daemon
import Foundation

/// `listen.socket` as the configuration says it (file and `STORESYNC_*` environment).
enum ConfiguredSocket {
    static func path(configFile: String?) async throws -> String {
        do {
            return try await ConfigurationLoader(path: configFile).load().configuration.listen.socketPath
        } catch {
            throw SocketClient.Unreachable(
                description: "cannot read listen.socket from the configuration (\(error)); pass --socket PATH")
        }
    }
}
