/// How a cached product record reached the database.
public enum ProductSource: String, Sendable, Hashable, CaseIterable {
    /// A scan-time miss fetched live by the lookup path.
    case live
    /// A sync (nightly delta, full refresh or a manual resync of given barcodes).
    case sync
}
