import Core
import Foundation

/// Checks across keys that do not stop the daemon but deserve a line in the log at start.
enum ConfigurationChecks {
    static func warnings(for configuration: DaemonConfiguration) -> [ConfigurationWarning] {
        var warnings: [ConfigurationWarning] = []
        if let path = configuration.catalog.path, !FileManager.default.fileExists(atPath: path) {
            warnings.append(
                ConfigurationWarning(
                    subject: "catalog.path",
                    message: "\(path) does not exist (yet): lookups cannot fall back to the store catalog until it does"
                ))
        }
        if configuration.listen.socketMode & 0o007 != 0 {
            warnings.append(
                ConfigurationWarning(
                    subject: "listen.socket_mode",
                    message: "\(configuration.listen.socketModeText) lets every local user call the socket; "
                        + "0660 limits it to the storesync group"))
        }
        if configuration.listen.socketMode & 0o600 != 0o600 {
            warnings.append(
                ConfigurationWarning(
                    subject: "listen.socket_mode",
                    message: "\(configuration.listen.socketModeText) does not let the daemon's own user connect "
                        + "(storesync status and lookup run as it)"))
        }
        if !configuration.upstream.include.contains(.images), configuration.upstream.variants != [.front] {
            warnings.append(
                ConfigurationWarning(
                    subject: "upstream.variants",
                    message: "ignored: upstream.include does not ask for images"))
        }
        return warnings
    }
}
