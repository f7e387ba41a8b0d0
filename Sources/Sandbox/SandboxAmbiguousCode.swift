/// An 8-digit code of the catalog that is valid both as an EAN-8 and as a UPC-E, and the product it
/// names at the API: ground truth for tests of how a client resolves such a code.
public struct SandboxAmbiguousCode: Sendable, Hashable {
    /// The eight digits a store prints, scans and lists in its catalog.
    public var code: String
    /// The barcode the API keys the product by: `code` itself (an EAN-8 product), or the 12-digit
    /// UPC-A whose UPC-E symbol `code` is (the API does not know `code`).
    public var barcode: String

    /// Whether the API knows the product as the EAN-8 `code`.
    public var isEAN8: Bool { code == barcode }

    public init(code: String, barcode: String) {
        self.code = code
        self.barcode = barcode
    }
}
