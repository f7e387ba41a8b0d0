/// The project's one seedable pseudo-random generator (SplitMix64): small, fast, and the same
/// sequence for the same seed on every machine.
///
/// The sandbox must be reproducible (the same `(size, seed)` gives the same catalog, the same fault
/// seed the same fault decisions for the same requests) and so must randomized tests (a failure
/// reproduces). The standard library's generator cannot be seeded.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var state: UInt64

    public init(seed: UInt64) { self.state = seed }

    /// One SplitMix64 output for `value`, statelessly: a hash that mixes a seed with inputs.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ increment
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func next() -> UInt64 {
        defer { state &+= Self.increment }
        return Self.mix(state)
    }

    /// A uniform value in `[0, 1)`.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) / Double(UInt64(1) << 53)
    }

    /// `true` with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { nextUnit() < p }

    /// A number in `0..<bound` by modulo, one draw each: a bias too small to matter for tests.
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A uniform integer in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// A uniformly chosen element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
}
