import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child process started with `posix_spawn` and reaped by a blocking `waitpid` on a thread of
/// its own.
///
/// Foundation's `Process` crashed the whole test run with SIGSEGV (in a `memcpy` inside `run()`, and
/// in libdispatch's manager thread) when several tests started children at once, even one at a time
/// under a lock. This type uses no dispatch source, run loop or signal handler: a test process with
/// many children at once is as safe as one with one.
public final class SpawnedProcess: @unchecked Sendable {
    /// Where one of the child's standard streams goes.
    public enum Stream: Sendable {
        /// `/dev/null`.
        case null
        /// A file: read from (stdin), or written to (stdout, stderr), created when missing and
        /// appended to when `append`, else truncated.
        case file(String, append: Bool = true)
        /// An open descriptor of this process (e.g. one end of a pipe), duplicated into the child.
        case descriptor(Int32)
        /// The test process's own stream.
        case inherit
    }

    /// How a child ended.
    public enum Termination: Sendable, Equatable {
        /// It called `exit` with this status.
        case exited(Int32)
        /// This signal ended it.
        case signalled(Int32)

        /// The exit status, or the signal number when a signal ended it.
        public var status: Int32 {
            switch self {
            case .exited(let code), .signalled(let code): code
            }
        }

        /// Whether a signal ended it.
        public var bySignal: Bool {
            if case .signalled = self { return true }
            return false
        }
    }

    /// The child's process id.
    public let pid: pid_t
    private let condition = NSCondition()
    private var ended: Termination?
    private var waiters: [UInt64: CheckedContinuation<Termination?, Never>] = [:]
    private var nextWaiter: UInt64 = 0

    /// Starts `executable` (an absolute path) with `arguments`, `environment` (the test process's
    /// own when `nil`) and the three streams. Descriptors above 2 are not inherited.
    public init(
        executable: String, arguments: [String] = [], environment: [String: String]? = nil,
        stdin: Stream = .null, stdout: Stream = .inherit, stderr: Stream = .inherit
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (target, stream) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
            switch stream {
            case .null:
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
            case .file(let path, let append):
                let flags = target == 0 ? O_RDONLY : O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC)
                posix_spawn_file_actions_addopen(&actions, target, path, flags, 0o644)
            case .descriptor(let descriptor):
                posix_spawn_file_actions_adddup2(&actions, descriptor, target)
            case .inherit:
                break
            }
        }
        _ = GlibcExtras.closeFrom?(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        // Ignored signals (SIGPIPE in a Swift process) would otherwise stay ignored in the child.
        for signal in 1..<32 where signal != SIGKILL && signal != SIGSTOP { sigaddset(&defaults, Int32(signal)) }
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let environment = environment ?? ProcessInfo.processInfo.environment
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw SpawnError(executable: executable, code: result) }
        self.pid = pid
        Thread.detachNewThread { [self] in reap() }
    }

    /// Waits for the child on this thread (its own), then wakes every waiter.
    private func reap() {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let termination: Termination =
            status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signalled(status & 0x7f)
        condition.lock()
        ended = termination
        let waiting = waiters.values
        waiters = [:]
        condition.broadcast()
        condition.unlock()
        for waiter in waiting { waiter.resume(returning: termination) }
    }

    /// How it ended, `nil` while it runs.
    public var termination: Termination? {
        condition.lock()
        defer { condition.unlock() }
        return ended
    }

    /// Whether it still runs.
    public var isRunning: Bool { termination == nil }

    /// Sends `signal`; nothing once it has been reaped.
    public func send(_ signal: Int32) {
        condition.lock()
        defer { condition.unlock() }
        if ended == nil { kill(pid, signal) }
    }

    /// Waits, without blocking a thread of the cooperative pool, until it has ended; `nil` when it
    /// still runs after `timeout` (or the waiting task is cancelled).
    public func wait(timeout: Duration) async -> Termination? {
        await withTaskGroup(of: Termination?.self) { group in
            group.addTask { await self.ending() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? termination
        }
    }

    /// Its termination once it has ended, or `nil` at once when the task is cancelled.
    private func ending() async -> Termination? {
        let id = newWaiterID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Termination?, Never>) in
                condition.lock()
                if let ended {
                    condition.unlock()
                    continuation.resume(returning: ended)
                } else if Task.isCancelled {
                    condition.unlock()
                    continuation.resume(returning: nil)
                } else {
                    waiters[id] = continuation
                    condition.unlock()
                }
            }
        } onCancel: {
            condition.lock()
            let waiter = waiters.removeValue(forKey: id)
            condition.unlock()
            waiter?.resume(returning: nil)
        }
    }

    private func newWaiterID() -> UInt64 {
        condition.lock()
        defer { condition.unlock() }
        nextWaiter += 1
        return nextWaiter
    }

    /// Blocks this thread until it has ended (for synchronous helpers, never on the cooperative pool).
    public func waitBlocking() -> Termination {
        condition.lock()
        defer { condition.unlock() }
        while ended == nil { condition.wait() }
        return ended!
    }

    /// Runs `executable` to its end with `input` on its stdin; its status and what it printed on
    /// stdout and stderr together. Blocks the calling thread.
    public static func output(
        of executable: String, _ arguments: [String], input: String? = nil, environment: [String: String]? = nil
    ) throws -> (termination: Termination, output: String) {
        let output = try Pipe2()
        let stdin = try Pipe2()
        let child: SpawnedProcess
        do {
            child = try SpawnedProcess(
                executable: executable, arguments: arguments, environment: environment,
                stdin: input == nil ? .null : .descriptor(stdin.read), stdout: .descriptor(output.write),
                stderr: .descriptor(output.write))
        } catch {
            output.closeBoth()
            stdin.closeBoth()
            throw error
        }
        close(output.write)
        close(stdin.read)
        if let input {
            var bytes = Array(input.utf8)[...]
            while !bytes.isEmpty {
                let written = bytes.withUnsafeBytes { write(stdin.write, $0.baseAddress, $0.count) }
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { break }
                bytes = bytes.dropFirst(written)
            }
        }
        close(stdin.write)
        let printed = readToEnd(output.read)
        close(output.read)
        return (child.waitBlocking(), String(decoding: printed, as: UTF8.self))
    }

    /// Everything `descriptor` yields until end of file (blocking reads).
    public static func readToEnd(_ descriptor: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return bytes }
            bytes += chunk[..<count]
        }
    }

    deinit {
        if ended == nil { kill(pid, SIGKILL) }
    }
}

/// A pipe whose two ends are closed on exec (a child gets only what it is given).
public struct Pipe2: Sendable {
    /// The end to read from.
    public let read: Int32
    /// The end to write to.
    public let write: Int32

    /// Opens one.
    public init() throws {
        var descriptors: [Int32] = [0, 0]
        if let pipe2 = GlibcExtras.pipe2 {
            guard pipe2(&descriptors, O_CLOEXEC) == 0 else { throw SpawnError(executable: "pipe2", code: errno) }
        } else {
            guard pipe(&descriptors) == 0 else { throw SpawnError(executable: "pipe", code: errno) }
            for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        }
        (read, write) = (descriptors[0], descriptors[1])
    }

    /// Closes both ends.
    public func closeBoth() {
        close(read)
        close(write)
    }
}

/// glibc functions that Swift's `Glibc` module does not declare (they need `_GNU_SOURCE`), looked
/// up at run time: `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34) and `pipe2`.
enum GlibcExtras {
    typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32

    nonisolated(unsafe) static let closeFrom: CloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")
    nonisolated(unsafe) static let pipe2: Pipe2? = symbol("pipe2")

    private static func symbol<Function>(_ name: String) -> Function? {
        guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(address, to: Function.self)
    }
}

/// `posix_spawn` failed.
public struct SpawnError: Error, CustomStringConvertible {
    /// What was started.
    public let executable: String
    /// The `errno` value.
    public let code: Int32

    public var description: String { "could not start \(executable): \(String(cString: strerror(code)))" }
}
