import Foundation
import TestSupport

/// The outcome of running a script of `scripts/`.
struct ScriptRun {
    let status: Int32
    let output: String
    let errors: String

    /// Runs `Repository.root + "/" + script` (or an absolute path) with `arguments`, its output going to files in `directory`
    /// (no pipe to fill), without blocking a thread of the cooperative pool while it runs.
    static func run(
        _ script: String, _ arguments: [String], in directory: TestDirectory, environment: [String: String] = [:],
        timeout: Duration = .seconds(300)
    ) async throws -> ScriptRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script.hasPrefix("/") ? script : Repository.root + "/" + script)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let name = UUID().uuidString.prefix(8)
        let outPath = directory.path + "/\(name).out"
        let errPath = directory.path + "/\(name).err"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        defer {
            try? out.close()
            try? err.close()
        }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let status: Int32 = try await withThrowingTaskGroup(of: Int32?.self) { group in
            group.addTask {
                try await withCheckedThrowingContinuation { continuation in
                    process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                    do {
                        try ProcessLaunch.run(process)
                    } catch {
                        process.terminationHandler = nil
                        continuation.resume(throwing: error)
                    }
                }
            }
            // A script that never ends is killed (and so reported) rather than hanging the run.
            group.addTask {
                try? await Task.sleep(for: timeout)
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                return nil
            }
            while let result = try await group.next() {
                if let status = result {
                    group.cancelAll()
                    return status
                }
            }
            return -1
        }
        return ScriptRun(
            status: status, output: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            errors: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}
