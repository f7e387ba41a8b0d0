import Logging
import Synchronization

/// Collects every log line (message, metadata and error, rendered as text) of the loggers it makes,
/// so a test can search them for secrets.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    /// A logger at trace level writing here.
    func logger(_ label: String = "sync-test") -> Logger {
        var logger = Logger(label: label) { _ in CapturingLogHandler(capture: self) }
        logger.logLevel = .trace
        return logger
    }

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    var all: [String] { lines.withLock { $0 } }

    /// Lines at `level` or above containing `text`.
    func lines(containing text: String) -> [String] { all.filter { $0.contains(text) } }
}

/// The handler behind ``LogCapture``.
struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let rendered = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let error = event.error.map { " error=\(String(reflecting: $0))" } ?? ""
        capture.append("\(event.level) \(event.message) \(rendered)\(error)")
    }
}
