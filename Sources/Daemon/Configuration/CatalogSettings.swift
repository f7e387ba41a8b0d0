/// `catalog.*`: the POS catalog export the daemon reads (`catalog.path`, `nil` when the store has none).
public struct CatalogSettings: Sendable, Hashable {
    public var path: String?
}
