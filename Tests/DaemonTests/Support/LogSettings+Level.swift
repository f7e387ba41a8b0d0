import Daemon
import Logging

/// Settings with only the level changed.
extension LogSettings {
    init(level: Logger.Level) {
        self.init()
        self.level = level
    }
}
