import Logging

/// `log.*`: what the daemon logs and how. Each key is described in ``DaemonConfiguration/settings``;
/// the values here are the defaults.
public struct LogSettings: Sendable, Hashable {
    public var level = Logger.Level.info
    public var format = LogFormat.logfmt

    public init() {}
}
