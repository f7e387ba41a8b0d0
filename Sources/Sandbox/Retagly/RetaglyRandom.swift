import Core

/// Deterministic pseudo-random numbers for faults and display binding: ``SeededRandom/mix(_:)``
/// over a seed and the inputs, so the same seed and the same sequence of requests give the same
/// faults.
enum RetaglyRandom {
    /// A number in `0..<1` from the seed, a stream and an index.
    static func unit(seed: UInt64, stream: UInt64, index: UInt64) -> Double {
        let mix = SeededRandom.mix
        let bits = mix(mix(mix(seed) ^ stream) ^ index)
        return Double(bits >> 11) / Double(UInt64(1) << 53)
    }

    /// FNV-1a of a string, to feed a text (a barcode) into ``SeededRandom/mix(_:)``.
    static func hash(_ text: String) -> UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return value
    }
}
