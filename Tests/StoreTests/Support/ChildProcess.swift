import Foundation
import Synchronization
import TestSupport

/// A `storesync` child process whose stdout is read line by line, for the kill tests.
final class ChildProcess {
    private let process: Process
    private var lines: AsyncStream<String>.AsyncIterator

    /// The built `storesync` executable, `nil` when it has not been built.
    static func storesyncExecutable() -> String? { BuiltExecutable.storesync }

    /// Starts `executable` with `arguments`.
    init(executable: String, arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let (stream, continuation) = AsyncStream<String>.makeStream()
        let buffer = Mutex<[UInt8]>([])
        output.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                continuation.finish()
                return
            }
            let complete: [String] = buffer.withLock { bytes in
                bytes.append(contentsOf: data)
                var found: [String] = []
                while let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) {
                    found.append(String(decoding: bytes[..<newline], as: UTF8.self))
                    bytes.removeSubrange(...newline)
                }
                return found
            }
            for line in complete { continuation.yield(line) }
        }
        try ProcessLaunch.run(process)
        self.process = process
        self.lines = stream.makeAsyncIterator()
    }

    /// The next lines until `predicate` holds for one (returned), or `nil` if output ends first.
    func waitForLine(where predicate: (String) -> Bool) async -> String? {
        while let line = await lines.next(isolation: nil) {
            if predicate(line) { return line }
        }
        return nil
    }

    /// Sends SIGKILL and waits for the process to end.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// How the process ended (after ``kill()``): `SIGKILL` for a killed one.
    var terminationStatus: Int32 { process.terminationStatus }
    var wasKilledBySignal: Bool { process.terminationReason == .uncaughtSignal }

    deinit {
        if process.isRunning {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
