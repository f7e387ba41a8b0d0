import Lookup

extension LookupConfiguration {
    /// The values `config/storesync.yaml` ships with, on the test's own socket.
    static func testing(socketPath: String) -> LookupConfiguration {
        LookupConfiguration(
            socketPath: socketPath, socketMode: 0o660, tcp: nil, maxConnections: 1024, idleTimeout: .seconds(60),
            liveTimeout: .milliseconds(800), metadataTTL: .seconds(86_400), maxStaleness: .seconds(7 * 86_400),
            negativeTTL: .seconds(7 * 86_400), imageCacheBytes: 64 << 20)
    }
}
