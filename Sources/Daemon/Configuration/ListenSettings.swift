import Lookup

/// `listen.*`: the lookup socket and its limits.
public struct ListenSettings: Sendable, Hashable {
    /// The Unix socket path (absolute, under 108 bytes).
    public var socketPath = "/run/storesync/lookup.sock"
    /// The socket file's permission bits (`0o660`: owner and group may connect).
    public var socketMode: UInt16 = 0o660
    /// An optional loopback TCP listener.
    public var tcp: LookupConfiguration.TCPAddress?
    /// Connections open at once; more are answered 503 and closed.
    public var maxConnections = 1024
    /// An idle keep-alive connection is closed after this long.
    public var idleTimeout: Duration = .seconds(60)

    public init() {}

    /// The mode as the configuration writes it: `0660`.
    public var socketModeText: String {
        let octal = String(socketMode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - octal.count)) + octal
    }
}
