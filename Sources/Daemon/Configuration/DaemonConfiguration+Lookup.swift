import Lookup

extension DaemonConfiguration {
    /// The socket server's settings from `listen.*`, `lookup.*` and `storage.*` (its other limits
    /// keep the Lookup module's defaults).
    public var lookupConfiguration: LookupConfiguration {
        var configuration = LookupConfiguration()
        configuration.socketPath = listen.socketPath
        configuration.socketMode = listen.socketMode
        configuration.tcp = listen.tcp
        configuration.maxConnections = listen.maxConnections
        configuration.idleTimeout = listen.idleTimeout
        configuration.liveTimeout = lookup.liveTimeout
        configuration.metadataTTL = storage.metadataTTL
        configuration.maxStaleness = lookup.maxStaleness
        configuration.negativeTTL = storage.negativeTTL
        configuration.imageCacheBytes = lookup.imageCacheBytes
        return configuration
    }
}
