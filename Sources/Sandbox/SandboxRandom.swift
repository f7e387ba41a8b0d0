/// A small, fast, seedable pseudo-random generator (SplitMix64).
///
/// The sandbox must be reproducible: the same `(size, seed)` gives the same catalog and the same
/// fault seed gives the same fault decisions for the same sequence of requests. The standard
/// library's generator cannot be seeded, so the sandbox uses this one everywhere it draws.
public struct SandboxRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { self.state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in `[0, 1)`.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    /// `true` with probability `p`.
    mutating func chance(_ p: Double) -> Bool { nextUnit() < p }

    /// A uniform integer in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// A uniformly chosen element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
}
