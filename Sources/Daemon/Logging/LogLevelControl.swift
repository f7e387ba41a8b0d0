import Logging
import Synchronization

/// The daemon-wide log level, shared by every handler, so a SIGHUP that changes `log.level` takes
/// effect on loggers that already exist. A logger whose level is set explicitly keeps its own.
public final class LogLevelControl: Sendable {
    private let current: Mutex<Logger.Level>

    public init(_ level: Logger.Level) { self.current = Mutex(level) }

    /// The level every handler without its own uses.
    public var level: Logger.Level {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }
}
