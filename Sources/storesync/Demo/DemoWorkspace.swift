import Foundation

/// The demo's temporary directory: state, socket, catalog, configuration and log file.
struct DemoWorkspace {
    let root: String

    var stateDirectory: String { root + "/state" }
    var socket: String { root + "/lookup.sock" }
    var catalog: String { root + "/catalog.csv" }
    var log: String { root + "/storesync.log" }

    static func make() throws -> DemoWorkspace {
        var template = Array("/tmp/storesync-demo-XXXXXX".utf8CString)
        guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw CocoaError(.fileWriteUnknown)
        }
        return DemoWorkspace(root: String(cString: created))
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
