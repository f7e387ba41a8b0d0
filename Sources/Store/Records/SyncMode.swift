/// What a sync run covers.
public enum SyncMode: String, Sendable, Hashable, CaseIterable, Codable {
    /// Products upstream changed since the watermark.
    case delta
    /// Every product the store carries.
    case full
    /// The barcodes given in the request.
    case barcodes
}
