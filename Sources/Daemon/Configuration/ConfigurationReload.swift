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
        var configuration = current
        var applied: [String] = []
        var needsRestart: [String] = []
        let pairs = zip(DaemonConfiguration.settings, zip(current.entries(), loaded.entries()))
        for (setting, (old, new)) in pairs where old.text != new.text || old.secret != new.secret {
            if let copy = setting.copy {
                copy(&configuration, loaded)
                applied.append(setting.name)
            } else {
                needsRestart.append(setting.name)
            }
        }
        self.configuration = configuration
        self.applied = applied
        self.needsRestart = needsRestart
        self.warnings = warnings
    }

    /// Whether the file changed anything at all.
    public var isEmpty: Bool { applied.isEmpty && needsRestart.isEmpty }
}
