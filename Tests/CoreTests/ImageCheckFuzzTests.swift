import Core
import Testing

@Suite("Image check: random damage")
struct ImageCheckFuzzTests {
    @Test("Thousands of randomly damaged images never crash the checker, and nothing it accepts is insane")
    func randomDamage() {
        let fixtures: [([UInt8], ImageVariant)] = [
            (ImageCheckFixtures.baselineJPEG3x2, .front), (ImageCheckFixtures.progressiveJPEG17x9, .back),
            (ImageCheckFixtures.greyJPEG2x5, .front), (ImageCheckFixtures.rgbaPNG3x2, .frontClean),
            (ImageCheckFixtures.palettePNG4x4, .backClean),
        ]
        var random = SeededRandom(seed: 2026)
        var rejected = 0
        for (original, variant) in fixtures {
            for _ in 0..<600 {
                var bytes = original
                for _ in 0...random.below(3) {
                    let at = random.below(bytes.count)
                    switch random.below(5) {
                    case 0: bytes[at] ^= UInt8(1 << random.below(8))
                    case 1: bytes[at] = [0x00, 0xFF, 0xD9, 0xDA, 0x7F][random.below(5)]
                    case 2: bytes.insert(contentsOf: [0xFF, UInt8(random.below(256))], at: at)
                    case 3: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(40)))
                    default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 20)], at: at)
                    }
                    if bytes.isEmpty { bytes = [0xFF] }
                }
                do {
                    let info = try ImageCheck.validate(bytes, expected: variant, maximumBytes: 100_000)
                    #expect((1...ImageCheck.maximumDimension).contains(info.width))
                    #expect((1...ImageCheck.maximumDimension).contains(info.height))
                } catch {
                    rejected += 1
                    #expect(!error.description.isEmpty)
                }
            }
        }
        #expect(rejected > 1_500)
    }
}
