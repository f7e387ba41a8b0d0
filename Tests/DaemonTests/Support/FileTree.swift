import Foundation

/// Every file and directory under a root with its type, permission bits, owner, size, modification
/// time and content, so two snapshots compare equal only when nothing at all changed.
struct FileTree: Equatable {
    struct Entry: Equatable {
        let type: String
        let mode: Int
        let owner: String
        let modified: Date?
        let content: Data?
    }

    let entries: [String: Entry]

    init(_ root: String) throws {
        var entries: [String: Entry] = [:]
        let manager = FileManager.default
        let paths = try manager.subpathsOfDirectory(atPath: root)
        for relative in paths {
            let path = root + "/" + relative
            let attributes = try manager.attributesOfItem(atPath: path)
            let type = (attributes[.type] as? FileAttributeType)?.rawValue ?? "?"
            entries[relative] = Entry(
                type: type, mode: (attributes[.posixPermissions] as? Int) ?? -1,
                owner: "\(attributes[.ownerAccountID] ?? "?"):\(attributes[.groupOwnerAccountID] ?? "?")",
                modified: attributes[.modificationDate] as? Date,
                content: type == FileAttributeType.typeRegular.rawValue ? manager.contents(atPath: path) : nil)
        }
        self.entries = entries
    }

    /// The permission bits of `relative`, or `nil` when it does not exist.
    func mode(_ relative: String) -> Int? { entries[relative]?.mode }
}
