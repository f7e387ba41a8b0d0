import Logging

/// Everything the daemon's log handlers share: the level (reloadable), the line format, the secret
/// redactor and the output. The CLI makes one and bootstraps with it:
///
/// ```swift
/// let logging = DaemonLogging(settings: configuration.log, redactor: redactor)
/// LoggingSystem.bootstrap { label in logging.makeHandler(label: label) }
/// ```
///
/// Tests make their own with an output that collects the lines, and use ``makeLogger(label:)``.
public struct DaemonLogging: Sendable {
    public let levelControl: LogLevelControl
    public let formatter: LogLineFormatter
    public let redactor: SecretRedactor
    public let output: LogOutput

    /// - Parameters:
    ///   - environment: decides journald mode: `JOURNAL_STREAM` matching standard error.
    ///   - journald: forces the journald mode on or off instead.
    public init(
        settings: LogSettings, redactor: SecretRedactor, output: LogOutput = .standardError(),
        environment: [String: String] = [:], journald: Bool? = nil
    ) {
        self.levelControl = LogLevelControl(settings.level)
        self.formatter = LogLineFormatter(
            format: settings.format, journald: journald ?? JournalStream.isConnected(environment: environment))
        self.redactor = redactor
        self.output = output
    }

    /// A handler for `LoggingSystem.bootstrap`.
    public func makeHandler(label: String, metadataProvider: Logger.MetadataProvider? = nil) -> DaemonLogHandler {
        DaemonLogHandler(
            label: label, control: levelControl, formatter: formatter, redactor: redactor, output: output,
            metadataProvider: metadataProvider)
    }

    /// A logger with this handler, without touching the global logging system.
    public func makeLogger(label: String) -> Logger {
        Logger(label: label) { makeHandler(label: $0) }
    }

    /// Applies a reloaded `log.level` (SIGHUP). `log.format` needs a restart.
    public func apply(_ settings: LogSettings) { levelControl.level = settings.level }
}
