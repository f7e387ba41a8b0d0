import Core
import Foundation

/// Makes realistic, deterministic products: canonical barcodes with valid check digits (never
/// in-store prefixes), `product_meta` shaped like the contract and seed 001, and `image_meta` per
/// available variant. Every draw comes from one seeded generator, so the same seed makes the same
/// products in the same order.
struct SandboxProductFactory: Sendable {
    var random: SeededRandom
    /// Barcodes already handed out (kept unique across generation and later additions).
    var used: Set<String> = []

    init(seed: UInt64) { self.random = SeededRandom(seed: seed) }

    /// A new canonical barcode: mostly UPC-A, some EAN-13 (first digit 1 or 3–9), a few EAN-8
    /// (first digit 3–9).
    mutating func makeBarcode(manufacturer: String) -> String {
        while true {
            let roll = random.nextUnit()
            var body: [UInt8]
            if roll < 0.82 {
                let numberSystem: UInt8 = random.chance(0.75) ? 0 : random.pick([1, 6, 7, 8])
                body = [numberSystem] + digits(manufacturer) + (0..<5).map { _ in UInt8(random.int(0...9)) }
            } else if roll < 0.95 {
                let prefix = random.pick(["729", "729", "400", "300", "800", "500", "760", "870", "130", "690"])
                body = digits(prefix) + (0..<9).map { _ in UInt8(random.int(0...9)) }
            } else {
                body = [UInt8(random.int(3...9))] + (0..<6).map { _ in UInt8(random.int(0...9)) }
            }
            body.append(Barcode.checkDigit(of: body))
            let text = String(decoding: body.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
            // The prefixes drawn are never in-store ones; the sandbox's own key keeps forms canonical.
            guard (try? SandboxBarcode.key(text)) == text, !used.contains(text) else { continue }
            used.insert(text)
            return text
        }
    }

    /// A random variant set: front almost always, 1–4 variants.
    mutating func makeVariants() -> [ImageVariant] {
        let roll = random.nextUnit()
        switch roll {
        case ..<0.25: return [.front]
        case ..<0.60: return [.front, .frontClean]
        case ..<0.73: return [.front, .back]
        case ..<0.80: return [.front, .back, .frontClean]
        case ..<0.96: return [.front, .back, .frontClean, .backClean]
        case ..<0.98: return [.frontClean]
        default: return [.back, .backClean]
        }
    }

    /// A complete product of a random brand, last changed at `updatedAt` (under `barcode` when given).
    mutating func makeProduct(
        updatedAt: Date, variants: [ImageVariant]? = nil, barcode given: String? = nil
    ) -> SandboxProduct {
        let brand = random.pick(SandboxVocabulary.brands)
        let category = SandboxVocabulary.categories[random.pick(brand.categories)]!
        let barcode = given ?? makeBarcode(manufacturer: brand.manufacturer)
        let name = "\(random.pick(category.nouns)) \(random.pick(SandboxVocabulary.sizes))"
        let meta = makeProductMeta(brand: brand.name, name: name, category: category)
        let chosen = (variants ?? makeVariants()).sorted()
        let studio = random.pick(SandboxVocabulary.studios)
        var imageMeta: [ImageVariant: JSONValue] = [:]
        var versions: [ImageVariant: Int] = [:]
        let photoDate = updatedAt.addingTimeInterval(-Double(random.int(0...(30 * 86_400))))
        for variant in chosen {
            imageMeta[variant] = makeImageMeta(photoDate: photoDate, studio: studio)
            versions[variant] = 1
        }
        return SandboxProduct(
            barcode: barcode, updatedAt: updatedAt, productMeta: meta, imageMeta: imageMeta, variants: chosen,
            imageVersions: versions)
    }

    /// One variant's `image_meta` object.
    mutating func makeImageMeta(photoDate: Date, studio: String) -> JSONValue {
        let stamp = Timestamp.format(photoDate)
        let day = stamp.prefix(10).replacingOccurrences(of: "-", with: "")
        return [
            "photo_date": .string(String(stamp.prefix(10)) + " " + String(stamp.dropFirst(11).prefix(8))),
            "resolution": .string(random.pick(SandboxVocabulary.resolutions)),
            "ownership": .string(studio),
            "source_batch": .string("batch-\(day)-\(random.int(1...40))"),
        ]
    }

    private func digits(_ text: String) -> [UInt8] { text.utf8.map { $0 - UInt8(ascii: "0") } }
}
