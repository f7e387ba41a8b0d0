import Foundation
import TestSupport

/// A `store-writer` child process whose stdout is read line by line, for the kill tests.
final class ChildProcess {
    private let process: SpawnedProcess
    private var lines: AsyncStream<String>.AsyncIterator

    /// The built `store-writer` executable, `nil` when it has not been built.
    static func storeWriterExecutable() -> String? { BuiltExecutable.named("store-writer") }

    /// Starts `executable` with `arguments`.
    init(executable: String, arguments: [String]) throws {
        let output = try Pipe2()
        do {
            process = try SpawnedProcess(
                executable: executable, arguments: arguments, stdout: .descriptor(output.write), stderr: .null)
        } catch {
            output.closeBoth()
            throw error
        }
        close(output.write)
        let (stream, continuation) = AsyncStream<String>.makeStream()
        // Blocking reads on a thread of their own until the child closes its end.
        Thread.detachNewThread {
            var pending: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(output.read, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                pending += chunk[..<count]
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    continuation.yield(String(decoding: pending[..<newline], as: UTF8.self))
                    pending.removeSubrange(...newline)
                }
            }
            close(output.read)
            continuation.finish()
        }
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
        process.send(SIGKILL)
        _ = process.waitBlocking()
    }

    /// How the process ended (after ``kill()``): `SIGKILL` for a killed one.
    var terminationStatus: Int32 { process.termination?.status ?? -1 }
    var wasKilledBySignal: Bool { process.termination?.bySignal ?? false }
}
