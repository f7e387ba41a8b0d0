import Foundation

/// A real `storesync serve` child process for tests that signal or kill the daemon: its output goes
/// to a log file (no pipe to fill), its standard input is `/dev/null`, and waiting for it never
/// blocks a thread of the cooperative pool. Used by one test at a time.
public final class ServeProcess {
    private let process: SpawnedProcess
    /// Where the daemon's stdout and stderr go.
    public let logPath: String

    /// Starts `storesync serve --config configPath` with `environment` added to the test's own;
    /// with a `launcher` (e.g. `systemd-socket-activate -l PATH`), through it.
    public init(
        configPath: String, environment: [String: String] = [:], logPath: String, launcher: [String] = []
    ) throws {
        guard let binary = BuiltExecutable.storesync else { throw ServeProcessError.notBuilt }
        let command = launcher + [binary, "serve", "--config", configPath]
        var inherited = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("STORESYNC_") }
        for key in ["RD_CLIENT_ID", "RD_API_KEY", "RETAGLY_TOKEN", "NOTIFY_SOCKET", "WATCHDOG_USEC", "LISTEN_FDS"] {
            inherited[key] = nil
        }
        self.process = try SpawnedProcess(
            executable: command[0], arguments: Array(command.dropFirst()),
            environment: inherited.merging(environment) { _, new in new },
            stdin: .null, stdout: .file(logPath), stderr: .file(logPath))
        self.logPath = logPath
    }

    /// The child's process id.
    public var pid: Int32 { process.pid }

    /// Whether it still runs.
    public var isRunning: Bool { process.isRunning }

    /// Sends `signal` (SIGTERM, SIGKILL, SIGHUP…).
    public func send(_ signal: Int32) { process.send(signal) }

    /// Waits until the process has ended and returns its status (the signal number when a signal
    /// ended it, see ``endedBySignal``), or `nil` when it still runs after `timeout`.
    public func waitForExit(timeout: Duration = .seconds(60)) async -> Int32? {
        await process.wait(timeout: timeout)?.status
    }

    /// Whether a signal ended it (after ``waitForExit(timeout:)``).
    public var endedBySignal: Bool { process.termination?.bySignal ?? false }

    /// SIGKILL, then waits until the kernel has reaped it.
    public func killNow() async {
        send(SIGKILL)
        _ = await waitForExit()
    }

    /// What the daemon has logged so far.
    public var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

}

/// Why a ``ServeProcess`` could not start.
public enum ServeProcessError: Error, CustomStringConvertible {
    case notBuilt

    public var description: String {
        "the storesync executable was not found next to the tests; build it first (swift build --build-tests)"
    }
}
