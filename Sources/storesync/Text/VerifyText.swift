import Core
import Store

/// `storesync verify`'s result for a person, or as JSON.
enum VerifyText {
    static func render(_ check: StateDirectoryCheck, directory: String) -> String {
        var lines = ["state directory \(directory)"]
        if check.integrityProblems.isEmpty {
            lines.append("  database   integrity_check ok")
        } else {
            lines.append(
                "  database   DAMAGED (\(check.integrityProblems.count) problems); stop storesync and move storesync.sqlite aside, the next start rebuilds it"
            )
            lines += check.integrityProblems.prefix(20).map { "    \($0)" }
        }
        let size = ByteText.format(Int(clamping: check.indexedBytes))
        if check.imageProblems.isEmpty {
            lines.append("  images     \(check.indexedImages) indexed (\(size)), every file matches its sha256")
        } else {
            lines.append(
                "  images     \(check.imageProblems.count) of \(check.indexedImages) do not match the index; `storesync resync --barcode B` fetches them again"
            )
            lines += check.imageProblems.map { "    \($0)" }
        }
        if check.temporaryFiles > 0 {
            lines.append(
                "  temporary  \(check.temporaryFiles) leftover files of interrupted writes (the next start removes them)"
            )
        }
        lines.append(check.isSound ? "sound" : "problems found")
        return lines.joined(separator: "\n")
    }

    static func json(_ check: StateDirectoryCheck, directory: String) -> String {
        let value: JSONValue = .object([
            ("state_dir", .string(directory)),
            ("sound", .bool(check.isSound)),
            ("integrity_problems", .array(check.integrityProblems.map { .string($0) })),
            ("indexed_images", .int(check.indexedImages)),
            ("indexed_bytes", .int(Int(clamping: check.indexedBytes))),
            ("image_problems", .array(check.imageProblems.map { .string($0.description) })),
            ("temporary_files", .int(check.temporaryFiles)),
        ])
        return value.jsonText
    }
}
