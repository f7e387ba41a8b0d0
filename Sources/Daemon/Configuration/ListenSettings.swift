import Foundation
import Lookup

/// `listen.*`: the lookup socket and its limits. Each key is described in
/// ``DaemonConfiguration/settings``; the values here are the defaults.
public struct ListenSettings: Sendable, Hashable {
    public var socketPath = "/run/storesync/lookup.sock"
    public var socketMode: UInt16 = 0o660
    public var tcp: LookupConfiguration.TCPAddress?
    public var maxConnections = 1024
    public var idleTimeout: Duration = .seconds(60)

    /// The mode as the configuration writes it: `0660`.
    public var socketModeText: String { Self.modeText(socketMode) }

    /// Permission bits as four octal digits.
    static func modeText(_ mode: UInt16) -> String { String(format: "%04o", Int(mode)) }
}
