import Synchronization

/// Keeps every line written through its ``output``, for tests that read what the daemon logged.
public final class LogCollector: Sendable {
    private let storage = Mutex<[String]>([])

    public init() {}

    /// An output that appends each line (without its newline).
    public var output: LogOutput {
        LogOutput { [self] line in append(line) }
    }

    private func append(_ line: String) {
        storage.withLock { $0.append(line.hasSuffix("\n") ? String(line.dropLast()) : line) }
    }

    /// The lines so far, in order.
    public var lines: [String] { storage.withLock { $0 } }

    /// All lines joined with newlines.
    public var text: String { lines.joined(separator: "\n") }
}
