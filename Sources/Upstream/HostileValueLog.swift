import Logging
import Synchronization

/// Logs what upstream sent that was ignored or clamped (``HeaderProblem``s) once per header per
/// process at `warning`, and again only at `debug`: an upstream that sends a bad header on every
/// answer must not flood the journal, and the operator still learns of it.
final class HostileValueLog: Sendable {
    private let seen = Mutex<Set<String>>([])
    private let logger: Logger

    init(logger: Logger) { self.logger = logger }

    /// Reports the problems of one answer of `endpoint`.
    func report(_ problems: [HeaderProblem], endpoint: Endpoint) {
        for problem in problems {
            let first = seen.withLock { $0.insert(problem.header).inserted }
            logger.log(
                level: first ? .warning : .debug, "upstream sent an unusable header value",
                metadata: [
                    "header": "\(problem.header)", "problem": "\(problem.message)", "endpoint": "\(endpoint.rawValue)",
                ])
        }
    }

    /// Whether a warning about `header` was logged (tests).
    func warned(about header: String) -> Bool { seen.withLock { $0.contains(header) } }
}
