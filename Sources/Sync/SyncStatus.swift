import Foundation

/// The status document's `sync` block: the unfinished run (paused included), the last finished
/// one, the last success, the next scheduled firing and the watermark.
public struct SyncStatus: Codable, Sendable, Hashable {
    public var running: SyncRunReport?
    public var last: SyncRunReport?
    /// As stored (upstream's clock).
    public var lastSuccessAt: String?
    public var nextAt: Date?
    public var watermark: String?
}
