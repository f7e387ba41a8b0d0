import Core

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tells systemd about the service's state over `$NOTIFY_SOCKET` (`Type=notify`), without
/// libsystemd: one datagram of `KEY=value` lines per call, to a path or an abstract (`@`) address.
///
/// ``init(environment:)`` gives `nil` outside systemd, so callers write
/// `try? notifier?.ready(status: "serving")`.
public struct SystemdNotifier: Sendable {
    /// The address from `NOTIFY_SOCKET`.
    public let socketAddress: String

    public init(socketAddress: String) { self.socketAddress = socketAddress }

    /// The notifier for `NOTIFY_SOCKET`, or `nil` when it is not set (not started by systemd).
    public init?(environment: [String: String]) {
        guard let address = environment["NOTIFY_SOCKET"], !address.isEmpty else { return nil }
        self.init(socketAddress: address)
    }

    /// Sends the assignments as one message (`READY=1\nSTATUS=…`). Newlines in values become spaces.
    public func send(_ assignments: [(key: String, value: String)]) throws(SystemdNotifyError) {
        let message = assignments.map { "\($0.key)=\(Self.singleLine($0.value))" }.joined(separator: "\n")
        try UnixDatagram.send(message, to: socketAddress)
    }

    /// Start-up is complete: `READY=1` (and the status line, if any).
    public func ready(status: String? = nil) throws(SystemdNotifyError) {
        try send([("READY", "1")] + (status.map { [("STATUS", $0)] } ?? []))
    }

    /// A free-form status line shown by `systemctl status`.
    public func status(_ text: String) throws(SystemdNotifyError) { try send([("STATUS", text)]) }

    /// Shutdown has begun: `STOPPING=1`.
    public func stopping(status: String? = nil) throws(SystemdNotifyError) {
        try send([("STOPPING", "1")] + (status.map { [("STATUS", $0)] } ?? []))
    }

    /// A reload (SIGHUP) has begun: `RELOADING=1` with `MONOTONIC_USEC` (required by
    /// `Type=notify-reload`, harmless otherwise). Send ``ready(status:)`` when it is done.
    public func reloading(status: String? = nil) throws(SystemdNotifyError) {
        try send(
            [("RELOADING", "1"), ("MONOTONIC_USEC", String(Self.monotonicMicroseconds()))]
                + (status.map { [("STATUS", $0)] } ?? []))
    }

    /// A watchdog keep-alive: `WATCHDOG=1`.
    public func watchdog() throws(SystemdNotifyError) { try send([("WATCHDOG", "1")]) }

    /// Asks for more time for the current start, reload or stop: `EXTEND_TIMEOUT_USEC` (e.g. a long
    /// database migration at start).
    public func extendTimeout(by duration: Duration) throws(SystemdNotifyError) {
        try send([("EXTEND_TIMEOUT_USEC", String(duration.wholeMicroseconds))])
    }

    /// `CLOCK_MONOTONIC` in microseconds, as systemd compares it.
    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
    }

    private static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
