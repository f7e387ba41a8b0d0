import Daemon
import Synchronization

/// Keeps every line written through its ``output``, for tests that read what the daemon logged.
final class LogCollector: Sendable {
    private let storage = Mutex<[String]>([])

    init() {}

    /// An output that appends each line (without its newline).
    var output: LogOutput {
        LogOutput { [self] line in append(line) }
    }

    private func append(_ line: String) {
        storage.withLock { $0.append(line.hasSuffix("\n") ? String(line.dropLast()) : line) }
    }

    /// The lines so far, in order.
    var lines: [String] { storage.withLock { $0 } }

    /// All lines joined with newlines.
    var text: String { lines.joined(separator: "\n") }
}
