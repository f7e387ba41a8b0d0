/// `catalog.*`: the POS catalog export the daemon reads.
public struct CatalogSettings: Sendable, Hashable {
    /// The CSV file (`barcode,name,price[,stock,on_sale,sale_price,unit]`); `nil` when the store has none.
    public var path: String?

    public init() {}
}
