import Core
import Testing

@Suite("The seeded generator")
struct SeededRandomTests {
    @Test("It is SplitMix64: the reference sequence for seed 1234567")
    func referenceSequence() {
        var random = SeededRandom(seed: 1_234_567)
        #expect(
            [random.next(), random.next(), random.next()] == [
                6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            ])
    }

    @Test("The stateless mix is the first output of a generator seeded with its input")
    func mixIsOneStep() {
        for seed: UInt64 in [0, 1, 42, .max] {
            var random = SeededRandom(seed: seed)
            #expect(SeededRandom.mix(seed) == random.next())
        }
    }

    @Test("The same seed draws the same values; the draws stay in their ranges")
    func reproducibleAndInRange() {
        var first = SeededRandom(seed: 7)
        var second = SeededRandom(seed: 7)
        for _ in 0..<1000 {
            let unit = first.nextUnit()
            #expect(unit == second.nextUnit())
            #expect(unit >= 0 && unit < 1)
            let value = first.int(-3...3)
            #expect(value == second.int(-3...3))
            #expect((-3...3).contains(value))
            let below = first.below(10)
            #expect(below == second.below(10))
            #expect((0..<10).contains(below))
            #expect(first.pick(["a", "b"]) == second.pick(["a", "b"]))
            #expect(first.chance(0.5) == second.chance(0.5))
        }
        #expect(!first.chance(0) && first.chance(1))
    }
}
