import Foundation

/// A fresh directory under `/tmp` for one test's state directory, removed by ``remove()``.
struct ShelfTestDirectory: Sendable {
    let path: String

    init() throws {
        var template = Array("/tmp/ss-shelf-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard let created else { throw CocoaError(.fileWriteUnknown) }
        self.path = String(cString: created)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
