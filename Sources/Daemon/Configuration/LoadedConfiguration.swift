/// A configuration that loaded without problems, and the warnings to log at start.
public struct LoadedConfiguration: Sendable {
    public var configuration: DaemonConfiguration
    public var warnings: [ConfigurationWarning]

    public init(configuration: DaemonConfiguration, warnings: [ConfigurationWarning]) {
        self.configuration = configuration
        self.warnings = warnings
    }
}
