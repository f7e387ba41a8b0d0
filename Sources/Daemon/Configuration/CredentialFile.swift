import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads one credential file: the whole content without surrounding whitespace, and whether its
/// permission bits let others than its owner read it.
struct CredentialFile {
    /// Why a file could not be used (never its content).
    struct Failure: Error {
        let reason: String
        /// The file does not exist or is empty (a systemd credential that was not configured).
        var isMissing = false
    }

    /// The content, trimmed.
    let text: String
    /// The permission bits, for the warning.
    let mode: UInt16

    /// Whether the group or others may read the file (it should be 0600 or 0400).
    var isReadableByOthers: Bool { mode & 0o044 != 0 }

    static func read(_ path: String) throws(Failure) -> CredentialFile {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw Failure(
                reason: "cannot read the file: \(String(cString: strerror(errno)))", isMissing: errno == ENOENT)
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw Failure(reason: "not a regular file") }
        guard info.st_size <= 64 << 10 else { throw Failure(reason: "the file is larger than 64 KiB") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(reason: "cannot read the file: \(String(cString: strerror(errno)))")
        }
        guard let content = String(data: data, encoding: .utf8) else {
            throw Failure(reason: "the file is not UTF-8 text")
        }
        let text = content.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw Failure(reason: "the file is empty", isMissing: true) }
        guard !text.contains(where: { $0.isNewline }) else {
            throw Failure(reason: "the file holds more than one line; it must hold the credential alone")
        }
        return CredentialFile(text: text, mode: UInt16(info.st_mode & 0o7777))
    }
}
