import Logging
import Synchronization

/// Log lines kept in memory, so a test can assert what was logged (and what never was).
final class LogRecorder: Sendable {
    /// One recorded log line.
    struct Entry: Sendable {
        let level: Logger.Level
        let message: String
        let metadata: String
    }

    private let entries = Mutex<[Entry]>([])

    /// A logger at `trace` level writing here.
    func logger(_ label: String = "test") -> Logger {
        var logger = Logger(label: label) { _ in RecordingLogHandler(recorder: self) }
        logger.logLevel = .trace
        return logger
    }

    func append(_ entry: Entry) { entries.withLock { $0.append(entry) } }

    var all: [Entry] { entries.withLock { $0 } }

    /// Every line (message and metadata) as text.
    var text: String { all.map { "\($0.level) \($0.message) \($0.metadata)" }.joined(separator: "\n") }
}

/// A `LogHandler` that appends to a ``LogRecorder``.
struct RecordingLogHandler: LogHandler {
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let rendered = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        recorder.append(.init(level: event.level, message: event.message.description, metadata: rendered))
    }
}
