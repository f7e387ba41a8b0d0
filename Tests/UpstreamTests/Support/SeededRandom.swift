import Sandbox

/// A deterministic random number generator (SplitMix64) for the fuzz corpus: the same seed gives
/// the same mutations on every machine and every run, so a failure reproduces.
struct SeededRandom: RandomNumberGenerator {
    /// The project's one seeded generator (the sandbox's SplitMix64).
    private var base: SandboxRandom

    init(seed: UInt64) { base = SandboxRandom(seed: seed) }

    mutating func next() -> UInt64 { base.next() }

    /// `true` with probability `percent`/100.
    mutating func percent(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &self) < percent }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
}
