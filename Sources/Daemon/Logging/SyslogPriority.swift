import Logging

/// The syslog priority of a level, as journald reads it from a `<N>` line prefix.
public enum SyslogPriority {
    /// `trace`/`debug` 7, `info` 6, `notice` 5, `warning` 4, `error` 3, `critical` 2.
    public static func of(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: return 7
        case .info: return 6
        case .notice: return 5
        case .warning: return 4
        case .error: return 3
        case .critical: return 2
        }
    }
}
