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
                "  database   DAMAGED (\(check.integrityProblems.count) problems); stop storesync and run `storesync verify --repair` (or restart storesync): it salvages what can be read"
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

    /// What `--repair` did: nothing (sound) or the salvage, table by table.
    static func repaired(_ salvage: SalvageReport?) -> String {
        guard let salvage else { return "repair: the database passed integrity_check; nothing to salvage" }
        var lines = ["repair: moved the damaged database to \(salvage.movedTo) and salvaged into a fresh one"]
        lines += salvage.tables.map { "  \($0.summary)" }
        lines.append("  \(salvage.imagesSummary)")
        return lines.joined(separator: "\n")
    }

    static func json(_ check: StateDirectoryCheck, directory: String, salvage: SalvageReport? = nil) -> String {
        let recovered: [JSONValue] = (salvage?.tables ?? []).map { .string($0.summary) }
        let value: JSONValue = .object([
            ("repaired", .bool(salvage != nil)),
            ("salvaged", .array(recovered)),
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
