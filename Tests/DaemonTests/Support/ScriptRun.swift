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
        let name = UUID().uuidString.prefix(8)
        let outPath = directory.path + "/\(name).out"
        let errPath = directory.path + "/\(name).err"
        let child = try SpawnedProcess(
            executable: script.hasPrefix("/") ? script : Repository.root + "/" + script, arguments: arguments,
            environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new },
            stdin: .null, stdout: .file(outPath, append: false), stderr: .file(errPath, append: false))
        // A script that never ends is killed (and so reported) rather than hanging the run.
        var status = await child.wait(timeout: timeout)?.status
        if status == nil {
            child.send(SIGKILL)
            status = await child.wait(timeout: .seconds(60))?.status
        }
        return ScriptRun(
            status: status ?? -1, output: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            errors: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}
