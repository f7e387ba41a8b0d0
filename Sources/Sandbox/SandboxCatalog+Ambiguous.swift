import Core
import Foundation

extension SandboxCatalog {
    /// `count` pairs of products behind ambiguous 8-digit codes, from a generator of their own seeded
    /// by `seed`: per pair an EAN-8 product whose digits are also a valid UPC-E, and a UPC-A product
    /// whose UPC-E symbol is also a valid EAN-8 (number system 1 and 0 in turn). `updated_at` lies in
    /// the year before `start` (unix seconds); `used` barcodes are avoided and extended.
    static func ambiguousProducts(
        count: Int, seed: UInt64, start: Int64, used: inout Set<String>
    ) -> [SandboxProduct] {
        guard count > 0 else { return [] }
        var factory = SandboxProductFactory(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 0x8_0DE8)
        factory.used = used
        var products: [SandboxProduct] = []
        for index in 0..<count {
            for barcode in [
                factory.makeAmbiguousEAN8(), factory.makeUPCAWithAmbiguousUPCE(numberSystem: index % 2 == 0 ? 1 : 0),
            ] {
                let seconds = start - Int64(factory.random.int(60...(365 * 86_400)))
                products.append(
                    factory.makeProduct(updatedAt: Date(timeIntervalSince1970: Double(seconds)), barcode: barcode))
            }
        }
        used = factory.used
        return products
    }
}
