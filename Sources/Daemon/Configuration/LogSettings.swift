import Logging

/// `log.*`: what the daemon logs and how.
public struct LogSettings: Sendable, Hashable {
    /// The lowest level written. Reloadable.
    public var level = Logger.Level.info
    /// logfmt or JSON; a change needs a restart (the logging system is set up once).
    public var format = LogFormat.logfmt

    public init() {}
}
