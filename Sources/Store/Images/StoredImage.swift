/// A file the image store has just written (durably, under its final name).
public struct StoredImage: Sendable, Hashable {
    /// Path under the image root (`017/017000161563/front.jpg`), as the index stores it.
    public var relativePath: String
    /// The absolute path of the file.
    public var absolutePath: String
    /// Lower-case hex SHA-256 of the bytes.
    public var sha256: String
    /// Size in bytes.
    public var bytes: Int

    public init(relativePath: String, absolutePath: String, sha256: String, bytes: Int) {
        self.relativePath = relativePath
        self.absolutePath = absolutePath
        self.sha256 = sha256
        self.bytes = bytes
    }
}
