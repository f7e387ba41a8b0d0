import Foundation
import Logging

/// The daemon's swift-log handler: one line per event (logfmt or JSON, see ``LogLineFormatter``),
/// metadata merged from the logger, its metadata provider and the call (request ids included),
/// every message, error and metadata value passed through the ``SecretRedactor``.
///
/// Made by ``DaemonLogging/makeHandler(label:)``; never bootstrapped by library code.
public struct DaemonLogHandler: LogHandler {
    public let label: String
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    let control: LogLevelControl
    let formatter: LogLineFormatter
    let redactor: SecretRedactor
    let output: LogOutput
    /// A level set on this logger; `nil` follows the daemon-wide ``LogLevelControl``.
    private var levelOverride: Logger.Level?

    init(
        label: String, control: LogLevelControl, formatter: LogLineFormatter, redactor: SecretRedactor,
        output: LogOutput, metadataProvider: Logger.MetadataProvider?
    ) {
        self.label = label
        self.control = control
        self.formatter = formatter
        self.redactor = redactor
        self.output = output
        self.metadataProvider = metadataProvider
    }

    public var logLevel: Logger.Level {
        get { levelOverride ?? control.level }
        set { levelOverride = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let explicit = event.metadata { merged.merge(explicit) { _, new in new } }
        var fields = LogMetadataFlattening.fields(merged).map { (key: $0.key, value: redactor.redact($0.value)) }
        if let error = event.error {
            fields.append((key: "error", value: redactor.redact(String(describing: error))))
        }
        let line = formatter.line(
            date: Date(), level: event.level, message: redactor.redact(event.message.description), label: label,
            fields: fields)
        output.write(line + "\n")
    }
}
