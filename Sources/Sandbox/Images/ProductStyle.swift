import Crypto

/// Everything about a sandbox product's look that comes from its barcode (and image version): colours,
/// box proportions, emblem, the words printed on it. The same inputs always give the same style.
struct ProductStyle {
    /// The shapes the emblem on the front can take.
    enum Emblem: CaseIterable { case disc, diamond, stripes, sunburst }

    let barcode: String
    let version: Int
    let main: ImageColor
    let accent: ImageColor
    let highlight: ImageColor
    /// Box front face size and depth as fractions of the canvas side.
    let boxWidth: Double
    let boxHeight: Double
    let boxDepth: Double
    let emblem: Emblem
    let brand: String
    let productName: String
    let netWeight: String
    /// A seed for everything drawn at random (text-like lines, grain) for this barcode and version.
    let seed: UInt64

    init(barcode: String, version: Int) {
        let digest = Array(SHA256.hash(data: Array("sandbox-product:\(barcode)".utf8)))
        var random = ImageRandom(seedBytes: digest)
        self.barcode = barcode
        self.version = version
        // A new version turns the colours round the wheel and swaps the emblem: visibly new artwork.
        let hue = random.fraction(in: 0...360) + (Double(version) - 1) * 67
        main = ImageColor(
            hue: hue, saturation: random.fraction(in: 0.55...0.85), value: random.fraction(in: 0.55...0.8))
        accent = ImageColor(hue: hue + random.fraction(in: 140...220), saturation: 0.75, value: 0.85)
        highlight = ImageColor(hue: hue + 30, saturation: 0.25, value: 0.97)
        boxWidth = random.fraction(in: 0.50...0.58)
        boxHeight = random.fraction(in: 0.64...0.74)
        boxDepth = random.fraction(in: 0.07...0.1)
        let emblems = Emblem.allCases
        let turn = UInt(bitPattern: version &- 1) % UInt(emblems.count)
        emblem = emblems[(random.next(below: emblems.count) + Int(turn)) % emblems.count]
        brand = ProductStyle.word(&random, syllables: random.next(in: 2...3))
        productName = ProductStyle.word(&random, syllables: 2) + " " + ProductStyle.word(&random, syllables: 2)
        netWeight = "NET WT \(random.next(in: 4...24)) OZ"
        seed = random.next() ^ UInt64(truncatingIfNeeded: version) &* 0x9E37_79B9_7F4A_7C15
    }

    /// A pronounceable made-up word ("KOLAMI").
    private static func word(_ random: inout ImageRandom, syllables: Int) -> String {
        let consonants = Array("BCDFGKLMNPRSTVZ")
        let vowels = Array("AEIOU")
        var text = ""
        for _ in 0..<syllables {
            text.append(consonants[random.next(below: consonants.count)])
            text.append(vowels[random.next(below: vowels.count)])
        }
        return text
    }
}
