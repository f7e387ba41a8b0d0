import ArgumentParser
import Foundation

/// Standard error output of the CLI.
enum CLIOutput {
    /// Writes `storesync: <message>` to standard error.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("storesync: \(message)\n".utf8))
    }

    /// Writes a line to standard error (progress, notes).
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// Reports `message` and exits with `code`.
    static func fail(_ message: String, code: Int32) -> Never {
        error(message)
        exit(code)
    }
}
