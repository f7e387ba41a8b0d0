import Core
import Testing

@Suite("Image check: random damage")
struct ImageCheckFuzzTests {
    /// SplitMix64, so every run damages the same bytes the same way.
    struct Random {
        var state: UInt64
        mutating func next(below bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((mixed ^ (mixed >> 31)) % UInt64(bound))
        }
    }

    @Test("Thousands of randomly damaged images never crash the checker, and nothing it accepts is insane")
    func randomDamage() {
        let fixtures: [([UInt8], ImageVariant)] = [
            (ImageCheckFixtures.baselineJPEG3x2, .front), (ImageCheckFixtures.progressiveJPEG17x9, .back),
            (ImageCheckFixtures.greyJPEG2x5, .front), (ImageCheckFixtures.rgbaPNG3x2, .frontClean),
            (ImageCheckFixtures.palettePNG4x4, .backClean),
        ]
        var random = Random(state: 2026)
        var rejected = 0
        for (original, variant) in fixtures {
            for _ in 0..<600 {
                var bytes = original
                for _ in 0...random.next(below: 3) {
                    let at = random.next(below: bytes.count)
                    switch random.next(below: 5) {
                    case 0: bytes[at] ^= UInt8(1 << random.next(below: 8))
                    case 1: bytes[at] = [0x00, 0xFF, 0xD9, 0xDA, 0x7F][random.next(below: 5)]
                    case 2: bytes.insert(contentsOf: [0xFF, UInt8(random.next(below: 256))], at: at)
                    case 3: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.next(below: 40)))
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
