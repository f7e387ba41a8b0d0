/// The status document's `storage` block: the state directory's free space against
/// `storage.min_free`, and whether buying is stopped for want of it.
public struct StorageStatus: Codable, Sendable, Hashable {
    public var stateDir: String
    /// `nil` when unknown.
    public var freeBytes: Int64?
    public var minFreeBytes: Int64
    public var diskFull: Bool
}
