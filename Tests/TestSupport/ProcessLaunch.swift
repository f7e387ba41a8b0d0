import Foundation

/// Starts child processes one at a time across the whole test run. Foundation's `Process.run()`
/// crashed the test process twice (SIGSEGV in a `memcpy` inside `run()`, once in libdispatch's
/// manager thread) while several tests started children at once; starting them under one lock
/// costs nothing measurable and takes that race away. What the children then do runs in parallel.
public enum ProcessLaunch {
    private static let lock = NSLock()

    /// `process.run()` under the process-wide launch lock.
    public static func run(_ process: Process) throws {
        lock.lock()
        defer { lock.unlock() }
        try process.run()
    }
}
