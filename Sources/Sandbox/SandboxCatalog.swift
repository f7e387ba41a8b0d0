import Core
import Foundation

/// The emulated catalog: every product's current record, kept in listing order.
///
/// Generated deterministically from `(size, seed)` and the clock's start: the three barcodes the
/// seeds name first, then products whose `updated_at` (whole seconds) is spread over the year before
/// the start, some sharing a second with another product so the `barcode` tie-break matters, and
/// last the products behind ambiguous 8-digit codes (``ambiguousProducts(count:seed:start:used:)``),
/// drawn from their own generator so the others are the same with or without them.
/// Mutations (update, add, delete) move `updated_at` to the clock's now.
struct SandboxCatalog: Sendable {
    private(set) var products: [String: SandboxProduct] = [:]
    /// Barcodes in listing order (`updated_at`, then barcode as strings); rebuilt lazily.
    private var order: [String]?
    /// Draws for products added or changed after start.
    private var factory: SandboxProductFactory

    /// Generates `size` products (at least the three seed products) for a clock starting at `start`,
    /// `ambiguous` pairs of them (default: one pair per 250 products) behind ambiguous 8-digit codes.
    init(size: Int, seed: UInt64, start: Date, ambiguous: Int? = nil) {
        factory = SandboxProductFactory(seed: seed)
        let startSeconds = Int64(start.timeIntervalSince1970.rounded(.down))
        for product in Self.seedProducts(start: startSeconds, factory: &factory) {
            products[product.barcode] = product
            factory.used.insert(product.barcode)
        }
        let pairs = max(0, min(ambiguous ?? size / 250, (size - products.count) / 2))
        var stamps: [Int64] = []
        while products.count < size - 2 * pairs {
            var seconds = startSeconds - Int64(factory.random.int(60...(365 * 86_400)))
            if !stamps.isEmpty, factory.random.chance(0.15) { seconds = factory.random.pick(stamps) }
            stamps.append(seconds)
            let product = factory.makeProduct(updatedAt: Date(timeIntervalSince1970: Double(seconds)))
            products[product.barcode] = product
        }
        for product in Self.ambiguousProducts(count: pairs, seed: seed, start: startSeconds, used: &factory.used) {
            products[product.barcode] = product
        }
    }

    /// Every product in listing order.
    mutating func ordered() -> [SandboxProduct] {
        if order == nil {
            order = products.values.sorted(by: Self.listingOrder).map(\.barcode)
        }
        return order!.map { products[$0]! }
    }

    /// The listing order: `updated_at` ascending, then barcode compared as strings.
    static func listingOrder(_ a: SandboxProduct, _ b: SandboxProduct) -> Bool {
        if a.updatedSeconds != b.updatedSeconds { return a.updatedSeconds < b.updatedSeconds }
        return a.barcode < b.barcode
    }

    /// Changes a product's metadata (and with `changeImages`, every image's version) as of `now`.
    mutating func update(_ barcode: String, now: Date, changeImages: Bool) -> SandboxProduct? {
        guard var product = products[barcode] else { return nil }
        let nowSeconds = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let revision = (product.productMeta["revision"]?.intValue ?? 0) + 1
        var meta = product.productMeta.setting("revision", to: .int(revision))
        if let nutrition = meta["nutrition"], let calories = nutrition["calories"]?.intValue {
            meta = meta.setting("nutrition", to: nutrition.setting("calories", to: .int(calories + 10)))
        }
        product.productMeta = meta
        if changeImages {
            let studio = product.imageMeta.values.first?["ownership"]?.stringValue ?? "Studio A"
            for variant in product.variants {
                product.imageVersions[variant, default: 0] += 1
                product.imageMeta[variant] = factory.makeImageMeta(photoDate: nowSeconds, studio: studio)
            }
        }
        product.updatedAt = nowSeconds
        products[barcode] = product
        order = nil
        return product
    }

    /// Adds a new product (random variants unless given, a new barcode unless given and free) changed
    /// at `now`; `nil` when `barcode` is taken.
    mutating func add(variants: [ImageVariant]?, now: Date, barcode: String? = nil) -> SandboxProduct? {
        if let barcode {
            guard products[barcode] == nil else { return nil }
            factory.used.insert(barcode)
        }
        let nowSeconds = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let chosen = variants.map { Array(Set($0)).sorted() }
        let product = factory.makeProduct(
            updatedAt: nowSeconds, variants: chosen?.isEmpty == true ? nil : chosen, barcode: barcode)
        products[product.barcode] = product
        order = nil
        return product
    }

    /// Removes a product; `false` when it did not exist.
    @discardableResult
    mutating func delete(_ barcode: String) -> Bool {
        guard products.removeValue(forKey: barcode) != nil else { return false }
        order = nil
        return true
    }
}
