/// Which product fields a shelf change sets (a value or a clear). The outbox keeps, per barcode and
/// field, when the POS last set it, so the daily catalog push never overrides a newer POS change.
public struct ShelfFieldSet: OptionSet, Sendable, Hashable {
    public let rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let name = ShelfFieldSet(rawValue: 1 << 0)
    public static let price = ShelfFieldSet(rawValue: 1 << 1)
    public static let stock = ShelfFieldSet(rawValue: 1 << 2)
    public static let onSale = ShelfFieldSet(rawValue: 1 << 3)
    public static let salePrice = ShelfFieldSet(rawValue: 1 << 4)
    public static let unit = ShelfFieldSet(rawValue: 1 << 5)

    /// Every field, in column order (`name_at`, `price_at`, `stock_at`, `on_sale_at`, `sale_price_at`,
    /// `unit_at`).
    public static let each: [ShelfFieldSet] = [.name, .price, .stock, .onSale, .salePrice, .unit]
}
