import Foundation
import TestSupport

/// The `storesync_…` metric names the daemon exports, read from `Sources/` (every name appears
/// there as a string literal): what the help texts, the alert rules and the dashboards may name.
enum MetricNames {
    static func inSources() throws -> Set<String> {
        let sources = Repository.root + "/Sources"
        let files = FileManager.default.enumerator(atPath: sources)?.compactMap { $0 as? String } ?? []
        var names = Set<String>()
        let pattern = try Regex(#""(storesync_[a-z_]+)""#)
        for file in files where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let name = match.output[1].substring { names.insert(String(name)) }
            }
        }
        return names
    }

    /// Whether `name`, as a PromQL expression writes it, is a series of an exported metric (a
    /// histogram's `_bucket`, `_sum` and `_count` included).
    static func isExported(_ name: String, in exported: Set<String>) -> Bool {
        if exported.contains(name) { return true }
        return ["_bucket", "_sum", "_count"].contains { suffix in
            name.hasSuffix(suffix) && exported.contains(String(name.dropLast(suffix.count)))
        }
    }

    /// Runs `promtool` with `arguments`; the exit status and what it printed. It waits off the
    /// cooperative pool (``offThePool(_:)``).
    static func promtool(
        _ arguments: [String], input: String? = nil
    ) async throws -> (status: Int32, output: String)? {
        guard
            let path = ["/usr/bin/promtool", "/usr/local/bin/promtool"].first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else { return nil }  // scripts/test installs it (Debian's prometheus)
        return try await offThePool {
            let (termination, report) = try SpawnedProcess.output(of: path, arguments, input: input)
            return (termination.status, report)
        }
    }
}
