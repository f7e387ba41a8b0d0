/// What a SIGHUP changes: the keys applied at once (schedule, budgets, log level) and the keys that
/// changed in the file but need a restart (socket, state directory, credentials, …), which the
/// daemon keeps at their running values and logs as "needs a restart".
public struct ConfigurationReload: Sendable {
    /// The running configuration with the reloadable changes applied; every other key as before.
    public var configuration: DaemonConfiguration
    /// Reloadable keys whose value changed, now applied.
    public var applied: [String]
    /// Keys whose value changed but which only take effect after a restart.
    public var needsRestart: [String]
    /// The warnings of the new file.
    public var warnings: [ConfigurationWarning]

    /// Compares `loaded` with `current` key by key (secrets by their value, never printed).
    public init(current: DaemonConfiguration, loaded: DaemonConfiguration, warnings: [ConfigurationWarning] = []) {
        let before = Dictionary(uniqueKeysWithValues: current.entries().map { ($0.key, $0) })
        var applied: [String] = []
        var needsRestart: [String] = []
        for entry in loaded.entries()
        where before[entry.key]?.text != entry.text || before[entry.key]?.secret != entry.secret {
            if ConfigurationKey.named(entry.key)?.reloadable == true {
                applied.append(entry.key)
            } else {
                needsRestart.append(entry.key)
            }
        }
        var configuration = current
        configuration.upstream.dailyCreditLimit = loaded.upstream.dailyCreditLimit
        configuration.upstream.scanReserve = loaded.upstream.scanReserve
        configuration.upstream.lowCreditWarning = loaded.upstream.lowCreditWarning
        configuration.sync.enabled = loaded.sync.enabled
        configuration.sync.at = loaded.sync.at
        configuration.sync.timeZoneIdentifier = loaded.sync.timeZoneIdentifier
        configuration.sync.jitter = loaded.sync.jitter
        configuration.sync.fullRefresh = loaded.sync.fullRefresh
        configuration.log.level = loaded.log.level
        self.configuration = configuration
        self.applied = applied
        self.needsRestart = needsRestart
        self.warnings = warnings
    }

    /// Whether the file changed anything at all.
    public var isEmpty: Bool { applied.isEmpty && needsRestart.isEmpty }
}
